"""chitieu: figures, dates, cited documents and targets from Vietnamese official texts.

Every stored item carries exact offsets into its document's canonical text.
"""

__version__ = "0.1.0"

# Bump when a change to reading, segmentation or extraction should re-process unchanged files.
PIPELINE_VERSION = "0.1.0"
