// A real OpenID Connect provider (npm oidc-provider) for the OAuth tests, on loopback only.
// Usage: node provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
// Accounts: any login name; "eve" has an email the provider has NOT verified.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);

const profiles = {
  eve: { email: 'eve@example.com', email_verified: false, name: 'Eve' },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  // Every client must use PKCE (S256), as Trellis always does.
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false, // put the scope's claims in the ID token, as Google does
  findAccount: async (_ctx, id) => ({
    accountId: id,
    async claims() {
      const profile = profiles[id] ?? { email: `${id}@example.com`, email_verified: true, name: id };
      return { sub: id, ...profile };
    },
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['trellis-test-provider-only'] },
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log('ready');
});
