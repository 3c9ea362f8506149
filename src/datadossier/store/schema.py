"""Registers every metadata model on ``Base.metadata``.

Models live beside the code they serve (``profiling/db_models.py`` ...); importing this module
imports them all, which Alembic (env.py, autogenerate) and the test fixtures rely on. Add a new
``db_models`` module here, or its tables are invisible to migrations.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from datadossier.enrichment import db_models as enrichment_models
from datadossier.llm import db_models as llm_models
from datadossier.profiling import db_models as profiling_models
from datadossier.quality import db_models as quality_models
from datadossier.review import db_models as review_models
from datadossier.store.base import Base
from datadossier.store.models import core, ontology

metadata: MetaData = Base.metadata

MODEL_MODULES = (
    core,
    ontology,
    profiling_models,
    enrichment_models,
    quality_models,
    llm_models,
    review_models,
)

__all__ = ["MODEL_MODULES", "Base", "metadata"]
