"""A third correct solution, written from the statements only (plain Python where natural)."""
