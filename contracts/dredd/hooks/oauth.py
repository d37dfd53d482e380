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


@hooks.before("/oauth/callback > Finish a login with the identity provider > 303")
def no_provider_for_the_front_end_redirect(transaction):
    skip(transaction, REASON)


@hooks.before("/oauth/logins > Exchange a one-time login code > 200 > application/json")
def no_login_code_for_tokens(transaction):
    skip(transaction, REASON)


@hooks.before("/oauth/logins > Exchange a one-time login code > 201 > application/json")
def no_login_code_for_a_session(transaction):
    skip(transaction, REASON)


@hooks.before("/oauth/logins > Exchange a one-time login code > 401 > application/problem+json")
def no_login_code_of_a_disabled_account(transaction):
    # This 401 is about the account behind a login code, not about our credentials (the
    # operation is public): it needs a provider login too.
    skip(transaction, REASON)


@hooks.before("/oauth/identities/{identity_id} > Unlink a provider account > 204")
def no_link_to_remove(transaction):
    skip(
        transaction,
        "a link is made only by a provider login; unlinking is tested in tests/oauth against a "
        "real provider and with links stored for the test",
    )
