"""omniarc: solve ARC-AGI by writing programs.

Light on import: torch and the model stack load only inside `omniarc.training`."""

from omniarc.errors import OmniarcError
from omniarc.tasks import Example, Task

__version__ = "0.1.0"
__all__ = ["Example", "OmniarcError", "Task", "__version__"]
