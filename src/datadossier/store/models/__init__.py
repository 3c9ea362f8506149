"""Core and ontology models of the metadata store (other domains keep theirs beside their code)."""

from datadossier.store.models.core import ColumnRecord, SourceRecord, TableRecord
from datadossier.store.models.ontology import OntologyApplicationRecord, OntologyRecord

__all__ = [
    "ColumnRecord",
    "OntologyApplicationRecord",
    "OntologyRecord",
    "SourceRecord",
    "TableRecord",
]
