// Calls to the suite's API through the gateway (same origin), with the user's bearer token. Failures become an
// ApiError that says what went wrong in words, from the problem+json body when there is one (RFC 9457).

export class ApiError extends Error {
    constructor(status, title, detail, requestId, problem = {}) {
        super(detail ? `${title}: ${detail}` : title);
        /** The problem+json body as sent (RFC 9457), e.g. with the service's list of field errors. */
        this.problem = problem;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.requestId = requestId;
    }

    /** What the dashboard shows for this failure. */
    get readable() {
        if (this.status === 403) {
            return 'Your role cannot see this.';
        }
        if (this.status === 401) {
            return 'Your session is not valid any more; log in again.';
        }
        const reason = this.detail ? `${this.title}: ${this.detail}` : this.title;
        return this.status ? `${this.status} ${reason}` : reason;
    }
}

const STATUS_TITLES = {
    400: 'Bad request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not found',
    429: 'Too many requests',
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
};

export class Api {
    /** @param {() => Promise<string>} token supplies a current access token */
    constructor(token) {
        this.token = token;
    }

    /** GET a path under /api/v1 with query parameters; resolves to the parsed JSON or rejects with an ApiError. */
    async get(path, params = {}) {
        const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''));
        return this.json(await this.send(`/api/v1/${path}${query.size ? `?${query}` : ''}`, {}));
    }

    /** POST a JSON body (or none) to a path under /api/v1; resolves to the parsed JSON answer or rejects with an ApiError. */
    async post(path, body) {
        const init = {method: 'POST'};
        if (body !== undefined) {
            init.body = JSON.stringify(body);
            init.contentType = 'application/json';
        }
        return this.json(await this.send(`/api/v1/${path}`, init));
    }

    /** GET a path under /api/v1 as a file of the given type; resolves to {blob, filename} or rejects with an ApiError. */
    async download(path, accept) {
        const response = await this.send(`/api/v1/${path}`, {accept});
        if (!response.ok) {
            await this.json(response); // throws the problem
        }
        const disposition = response.headers.get('Content-Disposition') || '';
        const match = /filename="([^"]+)"/.exec(disposition);
        return {blob: await response.blob(), filename: match ? match[1] : path.replace(/\//g, '-')};
    }

    async send(url, {method = 'GET', body, contentType, accept} = {}) {
        const headers = {
            Accept: accept ? `${accept}, application/problem+json` : 'application/json, application/problem+json',
            Authorization: `Bearer ${await this.token()}`,
        };
        if (contentType) {
            headers['Content-Type'] = contentType;
        }
        try {
            return await fetch(url, {method, headers, body, cache: 'no-store'});
        } catch (e) {
            throw new ApiError(0, 'The gateway cannot be reached', e.message, null);
        }
    }

    async json(response) {
        const requestId = response.headers.get('X-Request-Id');
        const type = response.headers.get('Content-Type') || '';
        if (response.ok && type.includes('json')) {
            return response.json();
        }
        let problem = {};
        if (type.includes('json')) {
            problem = await response.json().catch(() => ({}));
        }
        if (response.ok) {
            throw new ApiError(response.status, 'Unexpected answer', `expected JSON, got ${type || 'no content type'}`, requestId);
        }
        throw new ApiError(
            response.status,
            problem.title || STATUS_TITLES[response.status] || response.statusText || 'Request failed',
            problem.detail || '',
            problem.requestId || requestId,
            problem,
        );
    }
}
