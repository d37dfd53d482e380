"""A FastAPI twin of the benchmarked Trellis endpoints, doing the same work per request.

Same database, tables, service functions, JWT verification and response shapes as Trellis; only
the framework differs (FastAPI + Pydantic instead of Connexion + jsonschema-rs). The in-memory
endpoints answer fixed data with the same schemas, so they measure the framework alone.

    uvicorn bench.peers.fastapi_twin:app --workers N
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from bench import memory
from core.concurrency import etag
from core.db import transaction
from core.security import Actor
from core.tokens import decode_access_token
from services import tasks
from services.identity import token_holder


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    notes: str = Field(default="", max_length=10000)
    status: Literal["OPEN", "DONE"] = "OPEN"
    due_at: datetime | None = None


class Task(BaseModel):
    id: uuid.UUID
    title: str
    notes: str
    status: Literal["OPEN", "DONE"]
    due_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class TaskList(BaseModel):
    items: list[Task]
    next: str | None


bearer = HTTPBearer()


def current_actor(
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)],
) -> Actor:
    """The same check as Trellis: a verified token whose account is enabled, with its stored role
    (a sync dependency: FastAPI runs it in its thread pool, as Trellis runs the lookup)."""
    holder = token_holder(decode_access_token(credentials.credentials))
    if holder is None:
        raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
    return Actor(user_id=holder.user_id, role=holder.role)


ActorDep = Annotated[Actor, Depends(current_actor)]
app = FastAPI(title="FastAPI twin")


def _task(task: object) -> Task:
    return Task.model_validate(task, from_attributes=True)


@app.post("/api/v1/tasks", status_code=201, response_model=Task)
def create_task(body: TaskCreate, actor: ActorDep, response: Response) -> Task:
    with transaction(write=True) as session:
        task = tasks.create_task(session, actor, **body.model_dump())
        response.headers["ETag"] = etag(task.version)
        response.headers["Location"] = f"/api/v1/tasks/{task.id}"
        return _task(task)


@app.get("/api/v1/tasks", response_model=TaskList)
def list_tasks(
    actor: ActorDep,
    status: Literal["OPEN", "DONE"] | None = None,
    sort: Literal["created_at", "-created_at", "due_at", "-due_at"] = "-created_at",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> TaskList:
    with transaction(write=False) as session:
        page = tasks.list_tasks(
            session, actor, status=status, sort=sort, limit=limit, cursor=cursor
        )
        return TaskList(items=[_task(task) for task in page.items], next=page.next)


@app.get("/api/v1/tasks/{task_id}", response_model=Task)
def get_task(task_id: uuid.UUID, actor: ActorDep, response: Response) -> Task:
    with transaction(write=False) as session:
        task = tasks.get_task(session, actor, task_id=task_id)
        response.headers["ETag"] = etag(task.version)
        return _task(task)


# ---- framework only: fixed data, same schemas -------------------------------------------------


@app.post("/api/v1/bench/tasks", status_code=201, response_model=Task)
def create_memory_task(body: TaskCreate, actor: ActorDep) -> Task:
    return Task.model_validate(memory.created(body.model_dump(mode="json")))


@app.get("/api/v1/bench/tasks", response_model=TaskList)
def list_memory_tasks(actor: ActorDep, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> TaskList:
    return TaskList.model_validate(memory.page(limit))


@app.get("/api/v1/bench/tasks/{task_id}", response_model=Task)
def get_memory_task(task_id: uuid.UUID, actor: ActorDep) -> Task:
    return Task.model_validate(memory.one(str(task_id)))
