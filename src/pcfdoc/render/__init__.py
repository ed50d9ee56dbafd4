"""Stage 4 of the pipeline: turn a validated spec and its results into a Word report."""
