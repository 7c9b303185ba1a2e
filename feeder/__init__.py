"""feeder: republish news stories found on blogs as a clean Atom feed that credits the original outlet."""

__version__ = "0.1.0"
