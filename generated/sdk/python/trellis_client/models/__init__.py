""" Contains all the data models used in inputs/outputs """

from .account import Account
from .account_invitation import AccountInvitation
from .account_invitation_role import AccountInvitationRole
from .account_list import AccountList
from .account_role import AccountRole
from .account_update import AccountUpdate
from .account_update_role import AccountUpdateRole
from .activity import Activity
from .activity_kind import ActivityKind
from .activity_list import ActivityList
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_create_scope import ApiKeyCreateScope
from .api_key_created import ApiKeyCreated
from .api_key_created_scope import ApiKeyCreatedScope
from .api_key_list import ApiKeyList
from .api_key_scope import ApiKeyScope
from .api_key_update import ApiKeyUpdate
from .audit_event import AuditEvent
from .audit_event_details import AuditEventDetails
from .audit_event_list import AuditEventList
from .chat_delivered_mark import ChatDeliveredMark
from .chat_delivered_mark_result import ChatDeliveredMarkResult
from .chat_direct_room_create import ChatDirectRoomCreate
from .chat_member import ChatMember
from .chat_member_list import ChatMemberList
from .chat_message import ChatMessage
from .chat_message_create import ChatMessageCreate
from .chat_message_list import ChatMessageList
from .chat_read_mark import ChatReadMark
from .chat_read_mark_result import ChatReadMarkResult
from .chat_room import ChatRoom
from .chat_room_create import ChatRoomCreate
from .chat_room_kind import ChatRoomKind
from .chat_room_list import ChatRoomList
from .chat_room_update import ChatRoomUpdate
from .comment import Comment
from .comment_create import CommentCreate
from .comment_list import CommentList
from .contact import Contact
from .contact_kind import ContactKind
from .download_uploads_file_variant import DownloadUploadsFileVariant
from .email_request import EmailRequest
from .email_verification_confirmation import EmailVerificationConfirmation
from .feeds_entry import FeedsEntry
from .feeds_entry_list import FeedsEntryList
from .feeds_fetch_state import FeedsFetchState
from .feeds_fetch_state_last_error_type_0 import FeedsFetchStateLastErrorType0
from .feeds_read_marks import FeedsReadMarks
from .feeds_read_marks_create import FeedsReadMarksCreate
from .feeds_refresh import FeedsRefresh
from .feeds_refresh_outcome import FeedsRefreshOutcome
from .feeds_subscription import FeedsSubscription
from .feeds_subscription_create import FeedsSubscriptionCreate
from .feeds_subscription_list import FeedsSubscriptionList
from .feeds_unread_counts import FeedsUnreadCounts
from .feeds_unread_counts_subscriptions_item import FeedsUnreadCountsSubscriptionsItem
from .field_error import FieldError
from .get_ghstats_profile_response_503 import GetGhstatsProfileResponse503
from .get_uploads_download_url_variant import GetUploadsDownloadUrlVariant
from .ghstats_profile import GhstatsProfile
from .ghstats_profile_stats import GhstatsProfileStats
from .ghstats_profile_stats_languages_item import GhstatsProfileStatsLanguagesItem
from .ghstats_repo import GhstatsRepo
from .ghstats_repo_list import GhstatsRepoList
from .import_ import Import
from .import_create import ImportCreate
from .import_list import ImportList
from .import_policy import ImportPolicy
from .import_row_error import ImportRowError
from .import_row_error_list import ImportRowErrorList
from .import_status import ImportStatus
from .import_target import ImportTarget
from .import_target_columns_item import ImportTargetColumnsItem
from .import_target_list import ImportTargetList
from .ingredient import Ingredient
from .ingredient_line import IngredientLine
from .linked_identity import LinkedIdentity
from .linked_identity_list import LinkedIdentityList
from .list_ghstats_repos_response_503 import ListGhstatsReposResponse503
from .list_polls_scope import ListPollsScope
from .list_polls_status import ListPollsStatus
from .list_shortlinks_state import ListShortlinksState
from .list_tasks_sort import ListTasksSort
from .list_tasks_status import ListTasksStatus
from .list_tickets_sort import ListTicketsSort
from .login_code_exchange import LoginCodeExchange
from .notifications_item import NotificationsItem
from .notifications_item_list import NotificationsItemList
from .notifications_item_payload import NotificationsItemPayload
from .notifications_item_update import NotificationsItemUpdate
from .notifications_read_mark import NotificationsReadMark
from .notifications_read_mark_result import NotificationsReadMarkResult
from .notifications_subscription import NotificationsSubscription
from .notifications_subscription_list import NotificationsSubscriptionList
from .notifications_subscription_update import NotificationsSubscriptionUpdate
from .notifications_unread_count import NotificationsUnreadCount
from .o_auth_token_error import OAuthTokenError
from .o_auth_token_error_error import OAuthTokenErrorError
from .outbox_dead_letter import OutboxDeadLetter
from .outbox_dead_letter_list import OutboxDeadLetterList
from .outbox_message import OutboxMessage
from .outbox_message_create import OutboxMessageCreate
from .outbox_message_list import OutboxMessageList
from .outbox_message_status import OutboxMessageStatus
from .page import Page
from .page_create import PageCreate
from .page_list import PageList
from .page_update import PageUpdate
from .password_grant import PasswordGrant
from .password_grant_grant_type import PasswordGrantGrantType
from .password_reset_confirmation import PasswordResetConfirmation
from .polls_ballot import PollsBallot
from .polls_ballot_cast import PollsBallotCast
from .polls_option_count import PollsOptionCount
from .polls_poll import PollsPoll
from .polls_poll_create import PollsPollCreate
from .polls_poll_create_results_visibility import PollsPollCreateResultsVisibility
from .polls_poll_list import PollsPollList
from .polls_poll_options_item import PollsPollOptionsItem
from .polls_poll_results_type_0 import PollsPollResultsType0
from .polls_poll_results_visibility import PollsPollResultsVisibility
from .polls_poll_status import PollsPollStatus
from .polls_poll_update import PollsPollUpdate
from .polls_poll_update_results_visibility import PollsPollUpdateResultsVisibility
from .polls_poll_update_status import PollsPollUpdateStatus
from .portfolio import Portfolio
from .portfolio_content import PortfolioContent
from .post import Post
from .post_comment import PostComment
from .post_comment_create import PostCommentCreate
from .post_comment_list import PostCommentList
from .post_create import PostCreate
from .post_list import PostList
from .post_status import PostStatus
from .post_update import PostUpdate
from .presence_participant import PresenceParticipant
from .presence_participant_cursor_type_0 import PresenceParticipantCursorType0
from .presence_participant_list import PresenceParticipantList
from .presence_participant_selection_type_0 import PresenceParticipantSelectionType0
from .presence_room import PresenceRoom
from .presence_room_create import PresenceRoomCreate
from .presence_room_list import PresenceRoomList
from .preview import Preview
from .previews_lookup import PreviewsLookup
from .previews_lookup_create import PreviewsLookupCreate
from .previews_lookup_list import PreviewsLookupList
from .problem import Problem
from .profile import Profile
from .profile_update import ProfileUpdate
from .project import Project
from .project_list import ProjectList
from .rates_conversion import RatesConversion
from .rates_snapshot import RatesSnapshot
from .rates_snapshot_rates import RatesSnapshotRates
from .realtime_ticket import RealtimeTicket
from .recipe import Recipe
from .recipe_create import RecipeCreate
from .recipe_list import RecipeList
from .recipe_update import RecipeUpdate
from .refresh_grant import RefreshGrant
from .refresh_grant_grant_type import RefreshGrantGrantType
from .restoration import Restoration
from .revision import Revision
from .revision_list import RevisionList
from .search_accounts_role import SearchAccountsRole
from .session import Session
from .session_created import SessionCreated
from .session_list import SessionList
from .session_login import SessionLogin
from .shortlink import Shortlink
from .shortlink_create import ShortlinkCreate
from .shortlink_create_redirect_status import ShortlinkCreateRedirectStatus
from .shortlink_list import ShortlinkList
from .shortlink_redirect_status import ShortlinkRedirectStatus
from .shortlink_state import ShortlinkState
from .shortlink_stats import ShortlinkStats
from .shortlink_stats_agents_item import ShortlinkStatsAgentsItem
from .shortlink_stats_agents_item_family import ShortlinkStatsAgentsItemFamily
from .shortlink_stats_days_item import ShortlinkStatsDaysItem
from .shortlink_stats_referrers_item import ShortlinkStatsReferrersItem
from .shortlink_update import ShortlinkUpdate
from .shortlink_update_redirect_status import ShortlinkUpdateRedirectStatus
from .skill import Skill
from .skill_level import SkillLevel
from .start_o_auth_login_result import StartOAuthLoginResult
from .tag import Tag
from .tag_list import TagList
from .task import Task
from .task_create import TaskCreate
from .task_create_status import TaskCreateStatus
from .task_list import TaskList
from .task_status import TaskStatus
from .task_update import TaskUpdate
from .task_update_status import TaskUpdateStatus
from .thumbnails_image import ThumbnailsImage
from .thumbnails_image_content_type import ThumbnailsImageContentType
from .thumbnails_job import ThumbnailsJob
from .thumbnails_job_create import ThumbnailsJobCreate
from .thumbnails_job_list import ThumbnailsJobList
from .thumbnails_job_status import ThumbnailsJobStatus
from .ticket import Ticket
from .ticket_create import TicketCreate
from .ticket_list import TicketList
from .ticket_priority import TicketPriority
from .ticket_state import TicketState
from .ticket_update import TicketUpdate
from .token_form import TokenForm
from .token_pair import TokenPair
from .token_pair_token_type import TokenPairTokenType
from .token_revocation import TokenRevocation
from .transition import Transition
from .unit_type_1 import UnitType1
from .unit_type_2_type_1 import UnitType2Type1
from .unit_type_3_type_1 import UnitType3Type1
from .uploads_content_type import UploadsContentType
from .uploads_direct_upload import UploadsDirectUpload
from .uploads_direct_upload_create import UploadsDirectUploadCreate
from .uploads_direct_upload_upload import UploadsDirectUploadUpload
from .uploads_direct_upload_upload_fields import UploadsDirectUploadUploadFields
from .uploads_direct_upload_upload_method import UploadsDirectUploadUploadMethod
from .uploads_download_url import UploadsDownloadUrl
from .uploads_file import UploadsFile
from .uploads_file_content_type_type_1 import UploadsFileContentTypeType1
from .uploads_file_content_type_type_2_type_1 import UploadsFileContentTypeType2Type1
from .uploads_file_content_type_type_3_type_1 import UploadsFileContentTypeType3Type1
from .uploads_file_list import UploadsFileList
from .uploads_file_metadata import UploadsFileMetadata
from .uploads_file_status import UploadsFileStatus
from .uploads_file_upload import UploadsFileUpload
from .user import User
from .user_create import UserCreate
from .user_list import UserList
from .user_role import UserRole
from .user_update import UserUpdate
from .version_list import VersionList
from .version_list_items_item import VersionListItemsItem
from .weather_alert import WeatherAlert
from .weather_alert_list import WeatherAlertList
from .weather_forecast import WeatherForecast
from .weather_hour import WeatherHour
from .weather_rule import WeatherRule
from .weather_rule_kind import WeatherRuleKind
from .weather_subscription import WeatherSubscription
from .weather_subscription_create import WeatherSubscriptionCreate
from .weather_subscription_list import WeatherSubscriptionList
from .weather_subscription_update import WeatherSubscriptionUpdate

__all__ = (
    "Account",
    "AccountInvitation",
    "AccountInvitationRole",
    "AccountList",
    "AccountRole",
    "AccountUpdate",
    "AccountUpdateRole",
    "Activity",
    "ActivityKind",
    "ActivityList",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreatedScope",
    "ApiKeyCreateScope",
    "ApiKeyList",
    "ApiKeyScope",
    "ApiKeyUpdate",
    "AuditEvent",
    "AuditEventDetails",
    "AuditEventList",
    "ChatDeliveredMark",
    "ChatDeliveredMarkResult",
    "ChatDirectRoomCreate",
    "ChatMember",
    "ChatMemberList",
    "ChatMessage",
    "ChatMessageCreate",
    "ChatMessageList",
    "ChatReadMark",
    "ChatReadMarkResult",
    "ChatRoom",
    "ChatRoomCreate",
    "ChatRoomKind",
    "ChatRoomList",
    "ChatRoomUpdate",
    "Comment",
    "CommentCreate",
    "CommentList",
    "Contact",
    "ContactKind",
    "DownloadUploadsFileVariant",
    "EmailRequest",
    "EmailVerificationConfirmation",
    "FeedsEntry",
    "FeedsEntryList",
    "FeedsFetchState",
    "FeedsFetchStateLastErrorType0",
    "FeedsReadMarks",
    "FeedsReadMarksCreate",
    "FeedsRefresh",
    "FeedsRefreshOutcome",
    "FeedsSubscription",
    "FeedsSubscriptionCreate",
    "FeedsSubscriptionList",
    "FeedsUnreadCounts",
    "FeedsUnreadCountsSubscriptionsItem",
    "FieldError",
    "GetGhstatsProfileResponse503",
    "GetUploadsDownloadUrlVariant",
    "GhstatsProfile",
    "GhstatsProfileStats",
    "GhstatsProfileStatsLanguagesItem",
    "GhstatsRepo",
    "GhstatsRepoList",
    "Import",
    "ImportCreate",
    "ImportList",
    "ImportPolicy",
    "ImportRowError",
    "ImportRowErrorList",
    "ImportStatus",
    "ImportTarget",
    "ImportTargetColumnsItem",
    "ImportTargetList",
    "Ingredient",
    "IngredientLine",
    "LinkedIdentity",
    "LinkedIdentityList",
    "ListGhstatsReposResponse503",
    "ListPollsScope",
    "ListPollsStatus",
    "ListShortlinksState",
    "ListTasksSort",
    "ListTasksStatus",
    "ListTicketsSort",
    "LoginCodeExchange",
    "NotificationsItem",
    "NotificationsItemList",
    "NotificationsItemPayload",
    "NotificationsItemUpdate",
    "NotificationsReadMark",
    "NotificationsReadMarkResult",
    "NotificationsSubscription",
    "NotificationsSubscriptionList",
    "NotificationsSubscriptionUpdate",
    "NotificationsUnreadCount",
    "OAuthTokenError",
    "OAuthTokenErrorError",
    "OutboxDeadLetter",
    "OutboxDeadLetterList",
    "OutboxMessage",
    "OutboxMessageCreate",
    "OutboxMessageList",
    "OutboxMessageStatus",
    "Page",
    "PageCreate",
    "PageList",
    "PageUpdate",
    "PasswordGrant",
    "PasswordGrantGrantType",
    "PasswordResetConfirmation",
    "PollsBallot",
    "PollsBallotCast",
    "PollsOptionCount",
    "PollsPoll",
    "PollsPollCreate",
    "PollsPollCreateResultsVisibility",
    "PollsPollList",
    "PollsPollOptionsItem",
    "PollsPollResultsType0",
    "PollsPollResultsVisibility",
    "PollsPollStatus",
    "PollsPollUpdate",
    "PollsPollUpdateResultsVisibility",
    "PollsPollUpdateStatus",
    "Portfolio",
    "PortfolioContent",
    "Post",
    "PostComment",
    "PostCommentCreate",
    "PostCommentList",
    "PostCreate",
    "PostList",
    "PostStatus",
    "PostUpdate",
    "PresenceParticipant",
    "PresenceParticipantCursorType0",
    "PresenceParticipantList",
    "PresenceParticipantSelectionType0",
    "PresenceRoom",
    "PresenceRoomCreate",
    "PresenceRoomList",
    "Preview",
    "PreviewsLookup",
    "PreviewsLookupCreate",
    "PreviewsLookupList",
    "Problem",
    "Profile",
    "ProfileUpdate",
    "Project",
    "ProjectList",
    "RatesConversion",
    "RatesSnapshot",
    "RatesSnapshotRates",
    "RealtimeTicket",
    "Recipe",
    "RecipeCreate",
    "RecipeList",
    "RecipeUpdate",
    "RefreshGrant",
    "RefreshGrantGrantType",
    "Restoration",
    "Revision",
    "RevisionList",
    "SearchAccountsRole",
    "Session",
    "SessionCreated",
    "SessionList",
    "SessionLogin",
    "Shortlink",
    "ShortlinkCreate",
    "ShortlinkCreateRedirectStatus",
    "ShortlinkList",
    "ShortlinkRedirectStatus",
    "ShortlinkState",
    "ShortlinkStats",
    "ShortlinkStatsAgentsItem",
    "ShortlinkStatsAgentsItemFamily",
    "ShortlinkStatsDaysItem",
    "ShortlinkStatsReferrersItem",
    "ShortlinkUpdate",
    "ShortlinkUpdateRedirectStatus",
    "Skill",
    "SkillLevel",
    "StartOAuthLoginResult",
    "Tag",
    "TagList",
    "Task",
    "TaskCreate",
    "TaskCreateStatus",
    "TaskList",
    "TaskStatus",
    "TaskUpdate",
    "TaskUpdateStatus",
    "ThumbnailsImage",
    "ThumbnailsImageContentType",
    "ThumbnailsJob",
    "ThumbnailsJobCreate",
    "ThumbnailsJobList",
    "ThumbnailsJobStatus",
    "Ticket",
    "TicketCreate",
    "TicketList",
    "TicketPriority",
    "TicketState",
    "TicketUpdate",
    "TokenForm",
    "TokenPair",
    "TokenPairTokenType",
    "TokenRevocation",
    "Transition",
    "UnitType1",
    "UnitType2Type1",
    "UnitType3Type1",
    "UploadsContentType",
    "UploadsDirectUpload",
    "UploadsDirectUploadCreate",
    "UploadsDirectUploadUpload",
    "UploadsDirectUploadUploadFields",
    "UploadsDirectUploadUploadMethod",
    "UploadsDownloadUrl",
    "UploadsFile",
    "UploadsFileContentTypeType1",
    "UploadsFileContentTypeType2Type1",
    "UploadsFileContentTypeType3Type1",
    "UploadsFileList",
    "UploadsFileMetadata",
    "UploadsFileStatus",
    "UploadsFileUpload",
    "User",
    "UserCreate",
    "UserList",
    "UserRole",
    "UserUpdate",
    "VersionList",
    "VersionListItemsItem",
    "WeatherAlert",
    "WeatherAlertList",
    "WeatherForecast",
    "WeatherHour",
    "WeatherRule",
    "WeatherRuleKind",
    "WeatherSubscription",
    "WeatherSubscriptionCreate",
    "WeatherSubscriptionList",
    "WeatherSubscriptionUpdate",
)
