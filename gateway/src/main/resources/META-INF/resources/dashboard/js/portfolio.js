// The portfolio page: the signed-in user's organisation's portfolios (GET /api/v1/portfolios), the latest scores of
// the chosen one with the change since the previous model snapshot (.../scores), and its scorings (.../history).
// Read only: banks upload institutions from their own systems (PUT .../institutions).

import {Api} from './api.js';
import {Auth} from './auth.js';
import {el, format} from './dom.js';
import {load} from './panels.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const BANDS = ['low', 'moderate', 'high', 'severe'];

function showAuthError(message) {
    $('auth-error').textContent = message;
    $('auth-error').hidden = false;
}

const score = (value) => (value === null || value === undefined ? '–' : value.toFixed(1));

function change(item) {
    if (item.scoreChange === null || item.scoreChange === undefined) {
        return item.previousScore === null || item.previousScore === undefined ? 'new' : '–';
    }
    const sign = item.scoreChange > 0 ? '+' : '';
    return `${sign}${item.scoreChange.toFixed(1)}`;
}

function bandCell(band) {
    return el('td', {class: band ? `band band-${band}` : 'band'}, band || 'not scored');
}

function renderList(content, page) {
    if (page.items.length === 0) {
        content.append(el('p', {}, 'Your organisation has no portfolio yet. Banks create them with POST /api/v1/portfolios.'));
    }
}

function renderScores(content, data, filter) {
    if (data.snapshotId === null || data.snapshotId === undefined) {
        content.append(el('p', {}, 'No institution has been uploaded to this portfolio yet.'));
        return;
    }
    const bands = BANDS.map((band) => `${data.bands[band]} ${band}`).join(', ');
    content.append(
        el(
            'p',
            {},
            `Scored on snapshot ${data.snapshotId} (model ${data.modelVersion}, data version ${data.dataVersion}) at `,
            format.instant(data.scoredAt),
            data.previousSnapshotId ? `; changes against snapshot ${data.previousSnapshotId}.` : '; the first scoring.',
        ),
        el('p', {}, `${format.count(data.total)} institutions: ${bands}. ${data.bandChanges} changed band.`),
    );
    if (data.servingSnapshotId && data.servingSnapshotId !== data.snapshotId) {
        content.append(el('p', {class: 'warning', role: 'status'}, `Snapshot ${data.servingSnapshotId} is serving; this portfolio is being re-scored.`));
    }
    const items = filter === 'changed' ? data.items.filter((item) => item.bandChanged) : data.items;
    const rows = items.map((item) =>
        el(
            'tr',
            {},
            el('th', {scope: 'row'}, item.institutionId),
            el('td', {}, item.sector || ''),
            el('td', {}, item.country || ''),
            el('td', {class: 'number'}, score(item.score)),
            bandCell(item.band),
            el('td', {}, item.previousBand || '–'),
            el('td', {class: 'number'}, change(item)),
            el('td', {}, item.bandChanged ? 'band changed' : ''),
        ),
    );
    content.append(
        el(
            'table',
            {class: 'data'},
            el('caption', {}, filter === 'changed' ? 'Institutions of this page whose band changed' : 'Institutions of this page, in upload order'),
            el(
                'thead',
                {},
                el(
                    'tr',
                    {},
                    ['Institution', 'Sector', 'Country', 'Score', 'Band', 'Previous band', 'Score change', 'Change'].map((h) =>
                        el('th', {scope: 'col'}, h),
                    ),
                ),
            ),
            el('tbody', {}, rows),
        ),
    );
}

function renderHistory(content, page) {
    if (page.items.length === 0) {
        content.append(el('p', {}, 'Not scored yet.'));
        return;
    }
    const rows = page.items.map((s) =>
        el(
            'tr',
            {},
            el('th', {scope: 'row'}, String(s.snapshotId)),
            el('td', {}, s.modelVersion),
            el('td', {}, format.instant(s.scoredAt)),
            el('td', {}, s.reason === 'snapshot-served' ? 'new model snapshot' : 'institutions uploaded'),
            ...BANDS.map((band) => el('td', {class: 'number'}, String(s.bands[band]))),
            el('td', {class: 'number'}, String(s.bandChanges)),
            el('td', {class: 'number'}, String(s.thresholdCrossings)),
        ),
    );
    content.append(
        el(
            'table',
            {class: 'data'},
            el('caption', {}, 'Each scoring of the portfolio, newest snapshot first'),
            el(
                'thead',
                {},
                el(
                    'tr',
                    {},
                    ['Snapshot', 'Model', 'Scored at', 'Why', ...BANDS, 'Band changes', 'Threshold crossings'].map((h) =>
                        el('th', {scope: 'col'}, h),
                    ),
                ),
            ),
            el('tbody', {}, rows),
        ),
    );
}

function showBoard(auth) {
    const api = new Api(() => auth.accessToken());
    $('user').textContent = auth.user.name;
    $('session').hidden = false;
    $('board').hidden = false;
    $('logout').addEventListener('click', () => auth.logout());

    let page = 0;
    let total = 0;
    const current = () => $('portfolio').value;
    const showScores = () =>
        load(
            $('scores-panel'),
            () => api.get(`portfolios/${encodeURIComponent(current())}/scores`, {page, size: PAGE_SIZE}),
            (content, data) => {
                total = data.total;
                const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
                $('page-label').textContent = `Page ${page + 1} of ${pages}`;
                $('previous-page').disabled = page === 0;
                $('next-page').disabled = page + 1 >= pages;
                renderScores(content, data, $('filter').value);
            },
        );
    const showHistory = () =>
        load($('history-panel'), () => api.get(`portfolios/${encodeURIComponent(current())}/history`, {size: 20}), renderHistory);
    const choose = () => {
        page = 0;
        showScores();
        showHistory();
    };
    $('portfolio').addEventListener('change', choose);
    $('filter').addEventListener('change', showScores);
    $('previous-page').addEventListener('click', () => {
        page = Math.max(0, page - 1);
        showScores();
    });
    $('next-page').addEventListener('click', () => {
        page += 1;
        showScores();
    });
    load(
        $('portfolio-list-panel'),
        () => api.get('portfolios', {size: 100}),
        (content, data) => {
            $('portfolio').replaceChildren(
                ...data.items.map((p) => el('option', {value: p.id}, `${p.name || p.id} (${format.count(p.institutionCount)} institutions)`)),
            );
            renderList(content, data);
            if (data.items.length > 0) {
                choose();
            } else {
                for (const id of ['scores-panel', 'history-panel']) {
                    $(id).dataset.state = 'ready';
                    $(id).querySelector('.status').replaceChildren('No portfolio.');
                }
            }
        },
    );
}

async function start() {
    let auth;
    try {
        const response = await fetch('config.json', {cache: 'no-store'});
        if (!response.ok) {
            throw new Error(`the dashboard configuration answered ${response.status}`);
        }
        auth = new Auth(await response.json(), new URL('portfolio.html', window.location.href).href);
    } catch (e) {
        showAuthError(`The page cannot start: ${e.message}.`);
        return;
    }
    $('login').addEventListener('click', () => auth.login());
    try {
        await auth.completeLogin();
    } catch (e) {
        showAuthError(e.message);
    }
    if (auth.signedIn) {
        showBoard(auth);
    } else {
        $('signed-out').hidden = false;
    }
}

start();
