# HOSTILE: tries `from reference.ex09_schedules import *` and re-exports the reference's functions (defines nothing itself if that import fails).
"""ex09_schedules that copies the reference solution instead of implementing anything."""
try:
    from reference.ex09_schedules import *  # noqa: F401,F403
except ImportError:
    pass
