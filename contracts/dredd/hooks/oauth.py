"""OAuth: the contract run has no identity provider configured."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import skip

REASON = (
    "needs a configured OpenID provider and a user at its login page; the flow is proven end to "
    "end by tests/oauth against a real provider (npm oidc-provider) on loopback"
)


@hooks.before("/oauth/authorization > Start a login with the identity provider > 302")
def no_provider_for_the_redirect(transaction):
    skip(transaction, REASON)


@hooks.before(
    "/oauth/callback > Finish a login with the identity provider > 200 > application/json"
)
def no_provider_for_tokens(transaction):
    skip(transaction, REASON)


@hooks.before(
    "/oauth/callback > Finish a login with the identity provider > 201 > application/json"
)
def no_provider_for_a_session(transaction):
    skip(transaction, REASON)


@hooks.before(
    "/oauth/callback > Finish a login with the identity provider > 401 > application/problem+json"
)
def no_provider_for_a_bad_id_token(transaction):
    # This 401 is about the provider's ID token, not about our credentials (the operation is
    # public): it needs a provider too.
    skip(transaction, REASON)
