"""What one server process holds: the service context, the schemas, the jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from console.server.schemas import Schemas
from console.services.context import ServiceContext

if TYPE_CHECKING:
    from console.server.jobs import Jobs


@dataclass
class ServerState:
    ctx: ServiceContext
    schemas: Schemas = field(default_factory=Schemas)
    jobs: Jobs | None = None


def state_of(request: Request) -> ServerState:
    state: ServerState = request.app.state.console
    return state
