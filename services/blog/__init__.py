"""Blog: Markdown posts by many authors, read by everyone once published.

One package, one module per aggregate:

- `profiles`: every author, favoriter, commenter and follower has a profile (`blog_profiles`),
  created on first use; follows between profiles.
- `posts`: drafts and published posts, their tags, the listings (keyset pages for the main API,
  limit/offset with a total for the Conduit facade).
- `favorites`: favorite rows and the counter beside them.
- `comments`: comment threads under published posts.
- `tags`: the tags in use, most used first.
- `counts`: published posts per author and per tag, kept beside the rows in the same transaction.

Callers import the package (`from services import blog`) and use the names re-exported here.
"""

from __future__ import annotations

from services.blog.comments import (
    BlogComment,
    CommentNotFound,
    CommentView,
    add_comment,
    delete_comment,
    list_comments,
)
from services.blog.counts import recount
from services.blog.favorites import favorite_post, unfavorite_post
from services.blog.posts import (
    DRAFT,
    PUBLISHED,
    AuthorRecord,
    BlogForbidden,
    BlogPost,
    PostNotFound,
    PostNotPublished,
    PostRecord,
    PostView,
    create_post,
    delete_post,
    flagged_page,
    get_post,
    has_drafts,
    list_feed,
    list_posts,
    list_posts_offset,
    post_query,
    reader_flags,
    update_post,
)
from services.blog.profiles import (
    BlogProfile,
    ProfileNotFound,
    ProfileView,
    SelfFollow,
    UsernameTaken,
    ensure_profile,
    find_profile,
    follow_profile,
    get_my_profile,
    get_profile,
    shown_image,
    unfollow_profile,
    update_my_profile,
    username_base,
)
from services.blog.tags import TagCount, list_tags

__all__ = [
    "DRAFT",
    "PUBLISHED",
    "AuthorRecord",
    "BlogComment",
    "BlogForbidden",
    "BlogPost",
    "BlogProfile",
    "CommentNotFound",
    "CommentView",
    "PostNotFound",
    "PostNotPublished",
    "PostRecord",
    "PostView",
    "ProfileNotFound",
    "ProfileView",
    "SelfFollow",
    "TagCount",
    "UsernameTaken",
    "add_comment",
    "create_post",
    "delete_comment",
    "delete_post",
    "ensure_profile",
    "favorite_post",
    "find_profile",
    "flagged_page",
    "follow_profile",
    "get_my_profile",
    "get_post",
    "get_profile",
    "has_drafts",
    "list_comments",
    "list_feed",
    "list_posts",
    "list_posts_offset",
    "list_tags",
    "post_query",
    "reader_flags",
    "recount",
    "shown_image",
    "unfavorite_post",
    "unfollow_profile",
    "update_my_profile",
    "update_post",
    "username_base",
]
