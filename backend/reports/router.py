"""``GET /reports/transparency``: JSON, or CSV with ``?format=csv``."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from backend.csv_safety import attachment
from backend.deps import DbSession, require
from backend.permissions import Permission
from backend.reports import transparency as t
from backend.staff.models import Staff

router = APIRouter(tags=["reports"])
Reader = Annotated[Staff, Depends(require(Permission.read_transparency))]
From = Annotated[datetime, Query(alias="from", description="start of the period (ISO 8601; UTC if no offset)")]
To = Annotated[datetime, Query(description="end of the period, exclusive (ISO 8601)")]


class Format(enum.StrEnum):
    json = "json"
    csv = "csv"


@router.get("/reports/transparency", responses={200: {"content": {"text/csv": {}}}})
def transparency(_staff: Reader, session: DbSession, start: From, to: To, format: Format = Format.json) -> Any:
    """Authority requests, takedowns by policy and source, appeals, rights-owner reports and recall notices."""
    report = t.transparency(session, start=start, end=to)
    if format == Format.csv:
        name = f"transparency-{report['from'][:10]}-{report['to'][:10]}.csv"
        return Response(t.as_csv(report), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": attachment(name, default="transparency.csv")})
    return report
