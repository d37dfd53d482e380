""" Contains all the data models used in inputs/outputs """

from .field_error import FieldError
from .list_tasks_sort import ListTasksSort
from .list_tasks_status import ListTasksStatus
from .password_grant import PasswordGrant
from .password_grant_grant_type import PasswordGrantGrantType
from .problem import Problem
from .refresh_grant import RefreshGrant
from .refresh_grant_grant_type import RefreshGrantGrantType
from .task import Task
from .task_create import TaskCreate
from .task_create_status import TaskCreateStatus
from .task_list import TaskList
from .task_status import TaskStatus
from .task_update import TaskUpdate
from .task_update_status import TaskUpdateStatus
from .token_pair import TokenPair
from .token_pair_token_type import TokenPairTokenType
from .token_revocation import TokenRevocation
from .user import User
from .user_create import UserCreate
from .user_list import UserList
from .user_role import UserRole
from .user_update import UserUpdate

__all__ = (
    "FieldError",
    "ListTasksSort",
    "ListTasksStatus",
    "PasswordGrant",
    "PasswordGrantGrantType",
    "Problem",
    "RefreshGrant",
    "RefreshGrantGrantType",
    "Task",
    "TaskCreate",
    "TaskCreateStatus",
    "TaskList",
    "TaskStatus",
    "TaskUpdate",
    "TaskUpdateStatus",
    "TokenPair",
    "TokenPairTokenType",
    "TokenRevocation",
    "User",
    "UserCreate",
    "UserList",
    "UserRole",
    "UserUpdate",
)
