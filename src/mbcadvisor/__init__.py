"""mbcadvisor: a command-line career advisor for US medical billing and coding."""

__version__ = "0.1.0"
