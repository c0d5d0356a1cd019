// Login at Keycloak with the authorization code flow and PKCE (RFC 7636, S256) as the public client "dashboard".
// Tokens live in this module's memory only; sessionStorage holds the PKCE verifier and state for the one round trip
// to Keycloak's login page and back, and is cleared as soon as the code is exchanged.

const PENDING_KEY = 'dashboard.pkce';
const REFRESH_MARGIN_MS = 30_000;

function base64Url(bytes) {
    let binary = '';
    for (const byte of bytes) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
    return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function s256(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64Url(new Uint8Array(digest));
}

/** The payload of a JWT, for its expiry and the user's name and roles (display only: the gateway checks it). */
function claims(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

export class AuthError extends Error {}

export class Auth {
    /**
     * @param {{authServerUrl: string, clientId: string}} config the realm URL and client from /dashboard/config.json
     * @param {string} redirectUri where Keycloak sends the browser back to (this page, without query)
     */
    constructor(config, redirectUri) {
        this.realmUrl = config.authServerUrl.replace(/\/+$/, '');
        this.clientId = config.clientId;
        this.redirectUri = redirectUri;
        this.tokens = null;
        this.refreshing = null;
    }

    endpoint(name) {
        return `${this.realmUrl}/protocol/openid-connect/${name}`;
    }

    get signedIn() {
        return this.tokens !== null;
    }

    /** The signed-in user's name and realm roles, from the access token. */
    get user() {
        if (!this.tokens) {
            return null;
        }
        const access = claims(this.tokens.accessToken);
        return {
            name: access.preferred_username || access.sub,
            roles: (access.realm_access && access.realm_access.roles) || [],
        };
    }

    /** Sends the browser to Keycloak's login page. */
    async login() {
        const verifier = randomString(48);
        const state = randomString(24);
        const nonce = randomString(24);
        sessionStorage.setItem(PENDING_KEY, JSON.stringify({verifier, state, nonce}));
        const params = new URLSearchParams({
            client_id: this.clientId,
            response_type: 'code',
            scope: 'openid',
            redirect_uri: this.redirectUri,
            state,
            nonce,
            code_challenge: await s256(verifier),
            code_challenge_method: 'S256',
        });
        window.location.assign(`${this.endpoint('auth')}?${params}`);
    }

    /**
     * Finishes a login when the page is Keycloak's redirect back (?code=&state= or ?error=): checks the state,
     * exchanges the code with the verifier, and removes the query from the address bar.
     * @returns {Promise<boolean>} whether this page load was a redirect back from Keycloak
     */
    async completeLogin() {
        const query = new URLSearchParams(window.location.search);
        if (!query.has('state') || !(query.has('code') || query.has('error'))) {
            return false;
        }
        const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
        sessionStorage.removeItem(PENDING_KEY);
        window.history.replaceState(null, '', this.redirectUri);
        if (query.has('error')) {
            throw new AuthError(`Keycloak refused the login: ${query.get('error_description') || query.get('error')}`);
        }
        // RFC 9207: the answer names the issuer it came from; one from another server is a mix-up attack
        if (query.has('iss') && query.get('iss') !== this.realmUrl) {
            throw new AuthError(`The login answer came from ${query.get('iss')}, not from ${this.realmUrl}.`);
        }
        if (!pending || pending.state !== query.get('state')) {
            throw new AuthError('The login answer does not belong to a login started here; log in again.');
        }
        const tokens = await this.tokenRequest({
            grant_type: 'authorization_code',
            code: query.get('code'),
            redirect_uri: this.redirectUri,
            code_verifier: pending.verifier,
        });
        if (tokens.idToken && claims(tokens.idToken).nonce !== pending.nonce) {
            throw new AuthError('The ID token does not carry the nonce of this login; log in again.');
        }
        this.tokens = tokens;
        return true;
    }

    /** A current access token, refreshed first when it is about to expire. */
    async accessToken() {
        if (!this.tokens) {
            throw new AuthError('Not signed in.');
        }
        if (Date.now() < this.tokens.expiresAt - REFRESH_MARGIN_MS) {
            return this.tokens.accessToken;
        }
        if (!this.refreshing) {
            this.refreshing = this.refresh().finally(() => {
                this.refreshing = null;
            });
        }
        await this.refreshing;
        return this.tokens.accessToken;
    }

    async refresh() {
        if (!this.tokens.refreshToken) {
            this.tokens = null;
            throw new AuthError('The session has expired; log in again.');
        }
        try {
            const tokens = await this.tokenRequest({
                grant_type: 'refresh_token',
                refresh_token: this.tokens.refreshToken,
            });
            this.tokens = {...tokens, idToken: tokens.idToken || this.tokens.idToken};
        } catch (e) {
            this.tokens = null;
            throw e;
        }
    }

    async tokenRequest(fields) {
        let response;
        try {
            response = await fetch(this.endpoint('token'), {
                method: 'POST',
                headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                body: new URLSearchParams({client_id: this.clientId, ...fields}),
            });
        } catch (e) {
            throw new AuthError(`Keycloak cannot be reached (${e.message}).`);
        }
        const body = await response.json().catch(() => ({}));
        if (!response.ok || !body.access_token) {
            throw new AuthError(
                `Keycloak did not issue tokens (${response.status}: ${body.error_description || body.error || 'no reason given'}).`,
            );
        }
        return {
            accessToken: body.access_token,
            refreshToken: body.refresh_token || null,
            idToken: body.id_token || null,
            expiresAt: Date.now() + (body.expires_in || 60) * 1000,
        };
    }

    /** Forgets the tokens and ends the Keycloak session, which sends the browser back to this page. */
    logout() {
        const idToken = this.tokens && this.tokens.idToken;
        this.tokens = null;
        const params = new URLSearchParams({client_id: this.clientId, post_logout_redirect_uri: this.redirectUri});
        if (idToken) {
            params.set('id_token_hint', idToken);
        }
        window.location.assign(`${this.endpoint('logout')}?${params}`);
    }
}
