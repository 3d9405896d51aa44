"""The model layer: the typed dataset, the vocabulary, dates with precision."""

from geo.model.dataset import (
           CONFIDENCE_LEVELS,
           DEFAULT_DATA_DIR,
           Dataset,
           dataset_from_package,
           summary,
)
from geo.model.dates import APPROX_DAYS, date_label, date_labels, date_window, parse_date
from geo.model.vocabulary import Vocabulary

__all__ = ["APPROX_DAYS", "CONFIDENCE_LEVELS", "DEFAULT_DATA_DIR", "Dataset", "Vocabulary", "dataset_from_package",
           "date_label", "date_labels", "date_window", "parse_date", "summary"]
