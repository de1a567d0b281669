"""Run the command line as ``python -m mbcadvisor``."""

from mbcadvisor.entry import main

if __name__ == "__main__":
    main()
