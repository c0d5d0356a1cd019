// The scenario workbench: compose hypothetical sanctions and removals, run them through the risk-service's scenario
// API (POST /api/v1/scenarios, which also saves), show the totals and per-cell deltas with their intervals, the loss
// exceedance and expected-rate curves, re-run a saved scenario and show that the result is identical, compare two
// saved scenarios side by side, and export CSV (built here) or the PDF summary (made by the risk-service).

import {Api, ApiError} from './api.js';
import {Auth, AuthError} from './auth.js';
import {el, format} from './dom.js';
import {describeInterval, parameterIntervalOf} from './intervals.js';

const $ = (id) => document.getElementById(id);
const SUITE_ROLES = ['compliance-viewer', 'risk-analyst', 'policy-analyst', 'data-steward', 'admin'];
/** The roles the gateway and the risk-service let run and re-run scenarios. */
const SCENARIO_ROLES = ['policy-analyst', 'admin'];
const CELLS_SHOWN = 25;
const SANCTIONS_PAGE = 500;

const charts = new Map();
const state = {
    api: null,
    measures: [],
    authorities: [],
    sectorNames: new Map(),
    regionNames: new Map(),
    current: null, // the scenario shown: {scenario (the saved view, with result), intensity}
    saved: [],
    added: 0,
};

// ---- start -------------------------------------------------------------------------------------------------------

function showAuthError(message) {
    $('auth-error').textContent = message;
    $('auth-error').hidden = false;
}

async function start() {
    let auth;
    try {
        const response = await fetch('config.json', {cache: 'no-store'});
        if (!response.ok) {
            throw new Error(`the dashboard configuration answered ${response.status}`);
        }
        auth = new Auth(await response.json(), new URL('workbench.html', window.location.href).href);
    } catch (e) {
        showAuthError(`The workbench cannot start: ${e.message}.`);
        return;
    }
    $('login').addEventListener('click', () => auth.login());
    try {
        await auth.completeLogin();
    } catch (e) {
        showAuthError(e.message);
    }
    if (!auth.signedIn) {
        $('signed-out').hidden = false;
        return;
    }
    const user = auth.user;
    const roles = user.roles.filter((role) => SUITE_ROLES.includes(role));
    $('user').textContent = `${user.name} (${roles.join(', ') || 'no role of the suite'})`;
    $('session').hidden = false;
    $('logout').addEventListener('click', () => auth.logout());
    if (!roles.some((role) => SCENARIO_ROLES.includes(role))) {
        $('denied-message').textContent =
            `Your role cannot run scenarios: the workbench is for the policy-analyst role (${roles.join(', ') || 'you hold no role of the suite'}). ` +
            'Ask an administrator for the policy-analyst role, or use the dashboard.';
        $('denied').hidden = false;
        return;
    }
    state.api = new Api(() => auth.accessToken());
    $('bench').hidden = false;
    wireCompose();
    wireResult();
    wireSaved();
    await Promise.all([loadVocabularies(), loadSaved()]);
}

function readable(e) {
    if (e instanceof ApiError) {
        return e.readable;
    }
    if (e instanceof AuthError) {
        return e.message;
    }
    console.error(e);
    return `Something went wrong in the page: ${e.message}`;
}

// ---- compose -----------------------------------------------------------------------------------------------------

async function loadVocabularies() {
    const status = $('compose-status');
    try {
        const [measures, authorities, sectors, regions, sanctions] = await Promise.all([
            state.api.get('taxonomy/measures'),
            state.api.get('taxonomy/authorities'),
            state.api.get('taxonomy/sectors'),
            state.api.get('taxonomy/regions'),
            allSanctions(),
        ]);
        state.measures = measures;
        state.authorities = authorities;
        sectors.forEach((s) => state.sectorNames.set(s.code, s.name));
        regions.forEach((r) => state.regionNames.set(r.code, r.name));
        renderRemovable(sanctions);
        status.replaceChildren(`${sanctions.length} sanctions and ${measures.length} measures loaded from the sanctions-service.`);
        $('compose').dataset.ready = 'true';
    } catch (e) {
        status.replaceChildren(`The sanctions or the taxonomy could not be loaded: ${readable(e)}`);
        status.classList.add('error');
    }
}

async function allSanctions() {
    const all = [];
    for (let page = 0; ; page++) {
        const answer = await state.api.get('sanctions', {page, size: SANCTIONS_PAGE});
        all.push(...answer.items);
        if (page + 1 >= answer.totalPages || answer.items.length === 0) {
            return all;
        }
    }
}

function renderRemovable(sanctions) {
    const list = $('remove-list');
    const items = sanctions
        .slice()
        .sort((a, b) => String(a.effectiveDate || a.announcedDate).localeCompare(String(b.effectiveDate || b.announcedDate)))
        .map((s) => {
            const date = s.effectiveDate || s.announcedDate;
            const box = el('input', {type: 'checkbox', value: s.key, id: `remove-${s.key}`});
            const easing = s.direction !== 'tightening';
            const label = el(
                'label',
                {for: `remove-${s.key}`},
                el('span', {class: 'key'}, s.key),
                ` ${date}, ${s.authority}, severity ${s.severity}${easing ? ` (${s.direction}: no pressure to remove)` : ''}: ${s.title}`,
            );
            const row = el('div', {class: 'check', 'data-text': `${s.key} ${s.authority} ${s.title} ${date}`.toLowerCase()}, box, label);
            return row;
        });
    list.replaceChildren(...items);
    const filter = () => {
        const words = $('remove-filter').value.toLowerCase().split(/\s+/).filter(Boolean);
        let shown = 0;
        for (const row of items) {
            const visible = words.every((word) => row.dataset.text.includes(word));
            row.hidden = !visible;
            shown += visible ? 1 : 0;
        }
        const ticked = list.querySelectorAll('input:checked').length;
        $('remove-count').textContent = `${shown} of ${items.length} sanctions shown; ${ticked} ticked to remove.`;
    };
    $('remove-filter').addEventListener('input', filter);
    list.addEventListener('change', filter);
    filter();
}

function wireCompose() {
    const today = new Date().toISOString().slice(0, 10);
    $('sc-start').value = today;
    $('add-sanction').addEventListener('click', () => addSanctionRow());
    $('compose').addEventListener('submit', (event) => {
        event.preventDefault();
        run();
    });
}

function addSanctionRow() {
    state.added += 1;
    const n = state.added;
    const id = (name) => `add-${n}-${name}`;
    const authority = el(
        'select',
        {id: id('authority')},
        el('option', {value: ''}, '(none)'),
        state.authorities.map((a) => el('option', {value: a.code}, `${a.code}: ${a.label}`)),
    );
    const start = $('sc-start').value;
    const date = el('input', {type: 'date', id: id('date'), required: 'required', value: start || ''});
    const severity = el(
        'select',
        {id: id('severity')},
        el('option', {value: ''}, 'from the measures'),
        [1, 2, 3, 4, 5].map((level) => el('option', {value: String(level)}, String(level))),
    );
    const measures = el(
        'div',
        {class: 'measures', role: 'group', 'aria-label': `Measures of hypothetical sanction ${n}`},
        state.measures.map((m) =>
            el(
                'label',
                {class: 'check'},
                el('input', {type: 'checkbox', value: m.code, name: id('measure')}),
                ` ${m.label} (level ${m.severityLevel})`,
            ),
        ),
    );
    const key = el('input', {type: 'text', id: id('key'), maxlength: '64', placeholder: `HYP-${n}`, autocomplete: 'off'});
    const remove = el('button', {type: 'button', class: 'secondary'}, `Remove hypothetical sanction ${n}`);
    const row = el(
        'fieldset',
        {class: 'added-sanction grid-fields', 'data-row': String(n)},
        el('legend', {}, `Hypothetical sanction ${n}`),
        el('label', {for: id('key')}, 'Key ', key),
        el('label', {for: id('authority')}, 'Authority ', authority),
        el('label', {for: id('date')}, 'Date ', date),
        el('label', {for: id('severity')}, 'Severity ', severity),
        el('details', {class: 'measure-picker'}, el('summary', {}, 'Measures'), measures),
        remove,
    );
    remove.addEventListener('click', () => {
        row.remove();
        $('add-sanction').focus();
    });
    $('added-list').append(row);
    authority.focus();
    return row;
}

function readRequest() {
    const number = (input) => (input.value.trim() === '' ? undefined : Number(input.value));
    const body = {
        name: $('sc-name').value.trim() || undefined,
        startDate: $('sc-start').value || undefined,
        horizonDays: number($('sc-horizon')),
        paths: number($('sc-paths')),
        seed: number($('sc-seed')),
        lossBasis: $('sc-loss-basis').value,
        addSanctions: [],
        removeSanctions: [...$('remove-list').querySelectorAll('input:checked')].map((box) => box.value),
    };
    for (const row of $('added-list').querySelectorAll('fieldset.added-sanction')) {
        const value = (name) => row.querySelector(`#add-${row.dataset.row}-${name}`).value.trim();
        const sanction = {date: value('date') || undefined};
        if (value('key')) {
            sanction.key = value('key');
        }
        if (value('authority')) {
            sanction.authority = value('authority');
        }
        const measures = [...row.querySelectorAll('.measures input:checked')].map((box) => box.value);
        if (measures.length) {
            sanction.measures = measures;
        }
        if (value('severity')) {
            sanction.severity = Number(value('severity'));
        }
        body.addSanctions.push(sanction);
    }
    return body;
}

/** Problems the page can name before asking the service; the service checks everything again. */
function checkRequest(body) {
    const problems = [];
    if (!body.startDate) {
        problems.push({field: 'startDate', message: 'choose a start date'});
    }
    if (body.horizonDays === undefined || !Number.isInteger(body.horizonDays) || body.horizonDays < 1 || body.horizonDays > 3650) {
        problems.push({field: 'horizonDays', message: 'a whole number of days from 1 to 3650'});
    }
    if (body.paths === undefined || !Number.isInteger(body.paths) || body.paths < 100 || body.paths > 200000) {
        problems.push({field: 'paths', message: 'a whole number from 100 to 200,000'});
    }
    if (body.seed !== undefined && (!Number.isSafeInteger(body.seed) || body.seed < 0)) {
        problems.push({field: 'seed', message: 'a whole number from 0 to 2^53 - 1, or empty'});
    }
    body.addSanctions.forEach((s, i) => {
        if (!s.date) {
            problems.push({field: `addSanctions[${i}].date`, message: 'choose the date it takes effect'});
        }
        if (s.severity === undefined && !s.measures) {
            problems.push({field: `addSanctions[${i}]`, message: 'choose a severity or tick measures'});
        }
    });
    return problems;
}

function showProblems(problems, title) {
    const box = $('compose-errors');
    box.replaceChildren();
    if (!problems.length && !title) {
        return;
    }
    box.append(el('p', {}, title || 'The scenario cannot run yet:'));
    if (problems.length) {
        box.append(el('ul', {}, problems.map((p) => el('li', {}, p.field ? `${p.field}: ${p.message}` : p.message))));
    }
}

/**
 * Progress of a run. The scenario API answers once the simulation is done and offers no progress of its own, so the
 * page shows what it knows: that the request is under way, the time elapsed, and an estimate from the durations the
 * service recorded for the saved scenarios (time per path and day). The bar stays indeterminate: the page does not
 * claim a fraction it cannot know.
 */
function startProgress(body) {
    const started = performance.now();
    const estimate = estimateMillis(body.paths, body.horizonDays);
    const box = $('progress');
    const text = $('progress-text');
    box.hidden = false;
    const tell = () => {
        const seconds = Math.round((performance.now() - started) / 1000);
        text.textContent =
            `Simulating ${format.count(body.paths)} paths over ${body.horizonDays} days, both worlds: ${seconds} s so far` +
            (estimate ? `; the saved runs suggest about ${Math.max(1, Math.round(estimate / 1000))} s in all (an estimate from their recorded durations).` : '.');
    };
    tell();
    const timer = setInterval(tell, 1000);
    return () => {
        clearInterval(timer);
        box.hidden = true;
    };
}

function estimateMillis(paths, horizonDays) {
    const rates = state.saved
        .filter((s) => s.durationMillis > 0 && s.inputs && s.inputs.paths > 0 && s.inputs.horizonDays > 0)
        .map((s) => s.durationMillis / (s.inputs.paths * s.inputs.horizonDays))
        .sort((a, b) => a - b);
    if (!rates.length || !paths || !horizonDays) {
        return null;
    }
    return rates[Math.floor(rates.length / 2)] * paths * horizonDays;
}

async function run() {
    const body = readRequest();
    const problems = checkRequest(body);
    showProblems(problems);
    if (problems.length) {
        $('compose-errors').focus();
        return;
    }
    $('run').disabled = true;
    $('compose').setAttribute('aria-busy', 'true');
    const stop = startProgress(body);
    try {
        const scenario = await state.api.post('scenarios', body);
        stop();
        await show(scenario, `Saved as scenario #${scenario.id}.`);
        loadSaved();
    } catch (e) {
        stop();
        const errors = e instanceof ApiError && Array.isArray(e.problem.errors) ? e.problem.errors : [];
        showProblems(
            errors.map((p) => ({field: p.field, message: p.message || p.detail || ''})),
            `The service did not run the scenario: ${readable(e)}`,
        );
    } finally {
        $('run').disabled = false;
        $('compose').removeAttribute('aria-busy');
    }
}

// ---- result ------------------------------------------------------------------------------------------------------

function wireResult() {
    $('rerun').addEventListener('click', rerun);
    $('export-csv').addEventListener('click', () => {
        if (state.current) {
            const scenario = state.current.scenario;
            save(new Blob([csv(scenario)], {type: 'text/csv'}), `scenario-${scenario.id}.csv`);
        }
    });
    $('export-pdf').addEventListener('click', async () => {
        if (!state.current) {
            return;
        }
        const status = $('rerun-status');
        try {
            const file = await state.api.download(`scenarios/${state.current.scenario.id}/summary`, 'application/pdf');
            save(file.blob, file.filename);
            status.textContent = `PDF summary of scenario #${state.current.scenario.id} downloaded (${file.filename}).`;
        } catch (e) {
            status.textContent = `The PDF summary could not be made: ${readable(e)}`;
        }
    });
}

function save(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = el('a', {href: url, download: filename, hidden: 'hidden'});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function dropChart(id) {
    const chart = charts.get(id);
    if (chart) {
        chart.destroy();
        charts.delete(id);
    }
}

async function show(scenario, note) {
    const panel = $('result-panel');
    const status = panel.querySelector('.status');
    const content = panel.querySelector('.content');
    panel.dataset.state = 'loading';
    status.replaceChildren('Loading the curves…');
    $('rerun-status').replaceChildren();
    let intensity = null;
    let intensityError = null;
    try {
        intensity = await state.api.get(`scenarios/${scenario.id}/intensity`);
    } catch (e) {
        intensityError = readable(e);
    }
    state.current = {scenario, intensity};
    ['lec-chart', 'intensity-chart'].forEach(dropChart);
    content.replaceChildren();
    renderResult(content, scenario, intensity, intensityError);
    status.replaceChildren(note || `Scenario #${scenario.id} opened.`);
    panel.dataset.state = 'ready';
    panel.dataset.scenarioId = String(scenario.id);
    panel.dataset.resultDigest = scenario.resultDigest;
    ['rerun', 'export-csv', 'export-pdf'].forEach((id) => ($(id).disabled = false));
    $('result-title').focus({preventScroll: true});
}

const count = (value) => (Number.isFinite(value) ? format.count(value) : 'n/a');
const usd = (value) => (Number.isFinite(value) ? format.usd(value) : 'n/a');
const signed = (formatter) => (value) => (Number.isFinite(value) && value > 0 ? `+${formatter(value)}` : formatter(value));

/** "mean [lower, upper]" of a Distribution (95% Monte Carlo interval of the mean). */
function meanWithInterval(d, formatter) {
    if (!d) {
        return 'n/a';
    }
    return `${formatter(d.mean)} [${formatter(d.meanLower95)}, ${formatter(d.meanUpper95)}]`;
}

function quantiles(d, formatter) {
    return d ? `${formatter(d.q05)} / ${formatter(d.q50)} / ${formatter(d.q95)}` : 'n/a';
}

function parameterText(summary, formatter) {
    const interval = parameterIntervalOf(summary) || (summary && parameterIntervalOf(summary.count));
    return interval ? describeInterval(interval, formatter) : null;
}

function cellName(code, names) {
    return names.get(code) || code;
}

function renderResult(content, scenario, intensity, intensityError) {
    const result = scenario.result;
    const inputs = scenario.inputs;
    const total = result.total;
    content.append(
        el(
            'p',
            {class: 'summary'},
            `#${scenario.id} ${scenario.name || '(unnamed)'}: ${result.start} to ${result.end} (${result.horizonDays} days), ` +
                `${format.count(result.paths)} paths, seed ${result.seed}${inputs.seedGenerated ? ' (generated)' : ''}, ` +
                `${inputs.addSanctions.length} added and ${inputs.removeSanctions.length} removed sanctions, ${result.lossBasis} losses. ` +
                `Snapshot #${scenario.snapshotId}, model ${scenario.versions.model}, data version ${scenario.versions.data}; ` +
                `ran in ${format.count(scenario.durationMillis)} ms; re-run ${scenario.reruns} times.`,
        ),
    );
    if (result.lossNote) {
        content.append(el('p', {class: 'hint'}, result.lossNote));
    }

    // totals; result.uncertainty holds the intervals over the posterior draws the paths ran under
    const drawn = result.uncertainty || null;
    const drawnText = (range, formatter) =>
        drawn && range ? describeInterval({lower: range.lower, upper: range.upper, level: drawn.level}, formatter) : null;
    const withParameters =
        !!(drawn && drawn.deltaCount) || [total.delta, total.baseline, total.scenario].some((s) => parameterText(s, format.count));
    const head = el(
        'tr',
        {},
        ['quantity', 'baseline', 'scenario', 'delta (scenario − baseline)', 'delta 5% / 50% / 95% over paths'].map((h) => el('th', {scope: 'col'}, h)),
        withParameters ? el('th', {scope: 'col'}, 'delta with parameter uncertainty') : null,
    );
    const rows = [
        [
            'heists',
            meanWithInterval(total.baseline.count, count),
            meanWithInterval(total.scenario.count, count),
            meanWithInterval(total.delta.count, signed(count)),
            quantiles(total.delta.count, count),
            drawnText(drawn && drawn.deltaCount, signed(count)) || parameterText(total.delta.count, count) || parameterText(total.delta, count),
        ],
        [
            'P(at least one heist)',
            format.percent(total.baseline.probabilityAtLeastOne),
            format.percent(total.scenario.probabilityAtLeastOne),
            signed(format.percent)(total.delta.probabilityAtLeastOne),
            '',
            null,
        ],
        [
            'loss (USD)',
            meanWithInterval(total.baseline.loss, usd),
            meanWithInterval(total.scenario.loss, usd),
            meanWithInterval(total.delta.loss, signed(usd)),
            quantiles(total.delta.loss, usd),
            drawnText(drawn && drawn.deltaLoss, signed(usd)) || parameterText(total.delta.loss, usd),
        ],
    ];
    const body = el(
        'tbody',
        {},
        rows.map(([name, ...values]) =>
            el(
                'tr',
                {},
                el('th', {scope: 'row'}, name),
                values.slice(0, 4).map((v) => el('td', {}, v)),
                withParameters ? el('td', {}, values[4] || 'not served') : null,
            ),
        ),
    );
    content.append(
        el(
            'table',
            {class: 'data totals', id: 'totals'},
            el(
                'caption',
                {},
                'Totals over the horizon: mean with its 95% Monte Carlo interval in brackets' +
                    (withParameters
                        ? drawn && !drawn.parameterUncertainty
                            ? '; the last column adds the marks\' uncertainty (this snapshot stored no parameter draws)'
                            : '; the last column adds parameter uncertainty'
                        : ' (Monte Carlo error only: the service serves no parameter-uncertainty interval for this run)'),
            ),
            el('thead', {}, head),
            body,
        ),
        el(
            'p',
            {class: 'hint'},
            `The model's mean equation expects ${count(result.analytic.baselineExpectedCount)} heists in the baseline and ` +
                `${count(result.analytic.scenarioExpectedCount)} in the scenario.`,
        ),
    );

    content.append(el('div', {class: 'figures'}, lossExceedance(scenario), intensityFigure(scenario, intensity, intensityError)));
    content.append(cellsTable(scenario));
}

function figure(id, title, description, table) {
    const canvas = el('canvas', {id, role: 'img', 'aria-label': description}, description);
    return el(
        'figure',
        {class: 'figure'},
        el('figcaption', {}, title),
        el('div', {class: 'chart'}, canvas),
        el('p', {class: 'hint', id: `${id}-text`}, description),
        el('details', {}, el('summary', {}, `${title}: the numbers`), table),
    );
}

function drawChart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) {
        return;
    }
    charts.set(id, new window.Chart(canvas, {...config, options: {animation: false, maintainAspectRatio: false, responsive: true, ...config.options}}));
}

function lossExceedance(scenario) {
    const points = scenario.result.lossExceedance || [];
    if (!points.length) {
        return el('figure', {class: 'figure'}, el('figcaption', {}, 'Loss exceedance'), el('p', {}, `No losses were simulated. ${scenario.result.lossNote || ''}`));
    }
    const find = (p) => points.reduce((best, point) => (Math.abs(point.probability - p) < Math.abs(best.probability - p) ? point : best), points[0]);
    const at = [0.1, 0.01].map(find);
    const description =
        'Loss exceedance curve, baseline against scenario: ' +
        at.map((p) => `the loss exceeded with probability ${format.percent(p.probability)} is ${usd(p.baselineLoss)} in the baseline and ${usd(p.scenarioLoss)} in the scenario`).join('; ') +
        '.';
    const table = el(
        'table',
        {class: 'data'},
        el('thead', {}, el('tr', {}, ['probability of exceeding', 'baseline loss', 'scenario loss'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, points.map((p) => el('tr', {}, el('td', {}, format.percent(p.probability)), el('td', {}, usd(p.baselineLoss)), el('td', {}, usd(p.scenarioLoss))))),
    );
    const node = figure('lec-chart', 'Loss exceedance (USD)', description, table);
    queueMicrotask(() =>
        drawChart('lec-chart', {
            type: 'line',
            data: {
                datasets: [
                    {label: 'baseline', data: points.map((p) => ({x: p.baselineLoss, y: p.probability})), borderColor: '#1f5fbf', backgroundColor: '#1f5fbf', pointRadius: 2},
                    {label: 'scenario', data: points.map((p) => ({x: p.scenarioLoss, y: p.probability})), borderColor: '#b42318', backgroundColor: '#b42318', pointRadius: 2, borderDash: [6, 3]},
                ],
            },
            options: {
                parsing: true,
                scales: {
                    x: {type: 'linear', title: {display: true, text: 'total loss over the horizon (USD)'}, ticks: {callback: (v) => format.usd(v)}},
                    y: {type: 'logarithmic', title: {display: true, text: 'probability of exceeding'}},
                },
            },
        }),
    );
    return node;
}

function intensityFigure(scenario, intensity, error) {
    if (!intensity) {
        return el('figure', {class: 'figure'}, el('figcaption', {}, 'Expected heist rate'), el('p', {class: 'error'}, `The curves could not be loaded: ${error}`));
    }
    const points = intensity.points;
    const labels = points.map((p) => p.date);
    const nearest = (date) => {
        let best = 0;
        points.forEach((p, i) => {
            if (p.date <= date) {
                best = i;
            }
        });
        return best;
    };
    const marks = (items, key) => {
        const data = points.map(() => null);
        items.forEach((m) => {
            if (m.date >= intensity.from && m.date <= intensity.to) {
                const i = nearest(m.date);
                data[i] = points[i][key];
            }
        });
        return data;
    };
    const peak = (key) => points.reduce((best, p) => (p[key] > best[key] ? p : best), points[0]);
    const added = intensity.added.map((m) => `${m.key} on ${m.date} (weight ${m.weight})`).join(', ') || 'none';
    const removed = intensity.removed.map((m) => `${m.key} (${m.date})`).join(', ') || 'none';
    const description =
        `Expected heists per day from ${intensity.from} to ${intensity.to}, every ${intensity.stepDays} days. ` +
        `Baseline: ${count(intensity.baselineExpectedCount)} heists in all, peak ${format.rate(peak('baseline').baseline)} on ${peak('baseline').date}. ` +
        `Scenario: ${count(intensity.scenarioExpectedCount)} heists, peak ${format.rate(peak('scenario').scenario)} on ${peak('scenario').date}. ` +
        `Hypothetical sanctions (▲): ${added}. Removed (✕): ${removed}.`;
    const table = el(
        'table',
        {class: 'data'},
        el('thead', {}, el('tr', {}, ['from', 'days', 'baseline per day', 'scenario per day'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, points.map((p) => el('tr', {}, el('td', {}, p.date), el('td', {}, String(p.days)), el('td', {}, format.rate(p.baseline)), el('td', {}, format.rate(p.scenario))))),
    );
    const node = figure('intensity-chart', 'Expected heist rate, baseline against scenario', description, table);
    queueMicrotask(() =>
        drawChart('intensity-chart', {
            data: {
                labels,
                datasets: [
                    {type: 'line', label: 'baseline', data: points.map((p) => p.baseline), borderColor: '#1f5fbf', backgroundColor: '#1f5fbf', pointRadius: 0, borderWidth: 2},
                    {type: 'line', label: 'scenario', data: points.map((p) => p.scenario), borderColor: '#b42318', backgroundColor: '#b42318', pointRadius: 0, borderWidth: 2, borderDash: [6, 3]},
                    {type: 'line', label: 'hypothetical sanctions', data: marks(intensity.added, 'scenario'), showLine: false, pointStyle: 'triangle', pointRadius: 8, borderColor: '#9a6700', backgroundColor: '#e0a526'},
                    {type: 'line', label: 'removed sanctions', data: marks(intensity.removed, 'baseline'), showLine: false, pointStyle: 'crossRot', pointRadius: 8, borderColor: '#1d2330', borderWidth: 2},
                ],
            },
            options: {
                interaction: {mode: 'index', intersect: false},
                scales: {x: {ticks: {maxTicksLimit: 12}}, y: {beginAtZero: true, title: {display: true, text: intensity.unit}}},
                plugins: {
                    tooltip: {
                        callbacks: {
                            afterBody(items) {
                                const p = points[items[0].dataIndex];
                                const end = new Date(Date.parse(p.date) + p.days * 86_400_000).toISOString().slice(0, 10);
                                const inStep = (m) => m.date >= p.date && m.date < end;
                                return [
                                    ...intensity.added.filter(inStep).map((m) => `added ${m.key} ${m.date}`),
                                    ...intensity.removed.filter(inStep).map((m) => `removed ${m.key} ${m.date}`),
                                ];
                            },
                        },
                    },
                },
            },
        }),
    );
    return node;
}

function cellsTable(scenario) {
    const result = scenario.result;
    const cells = result.cells
        .slice()
        .sort((a, b) => Math.abs(b.delta.count.mean) - Math.abs(a.delta.count.mean) || a.sector.localeCompare(b.sector) || a.region.localeCompare(b.region));
    const shown = cells.slice(0, CELLS_SHOWN);
    const withParameters = shown.some((c) => parameterText(c.delta.count, count) || parameterText(c.delta, count));
    const table = el(
        'table',
        {class: 'data', id: 'cells'},
        el(
            'caption',
            {},
            `The ${shown.length} cells whose expected heists move most, of ${cells.length} listed cells with a heist in some path ` +
                `(${result.cellsWithoutHeists} without); every cell is in the CSV export. Intervals: 95% Monte Carlo interval of the mean.`,
        ),
        el(
            'thead',
            {},
            el(
                'tr',
                {},
                ['sector', 'region', 'baseline heists', 'scenario heists', 'delta [95%]', 'delta 5% / 95% over paths', 'delta P(at least one)'].map((h) => el('th', {scope: 'col'}, h)),
                withParameters ? el('th', {scope: 'col'}, 'delta with parameter uncertainty') : null,
            ),
        ),
        el(
            'tbody',
            {},
            shown.map((c) =>
                el(
                    'tr',
                    {},
                    el('th', {scope: 'row'}, cellName(c.sector, state.sectorNames)),
                    el('td', {}, cellName(c.region, state.regionNames)),
                    el('td', {}, count(c.baseline.count.mean)),
                    el('td', {}, count(c.scenario.count.mean)),
                    el('td', {}, meanWithInterval(c.delta.count, signed(count))),
                    el('td', {}, `${count(c.delta.count.q05)} / ${count(c.delta.count.q95)}`),
                    el('td', {}, signed(format.percent)(c.delta.probabilityAtLeastOne)),
                    withParameters ? el('td', {}, parameterText(c.delta.count, count) || parameterText(c.delta, count) || 'not served') : null,
                ),
            ),
        ),
    );
    return el('div', {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Cells that move most'}, table);
}

// ---- re-run ------------------------------------------------------------------------------------------------------

async function rerun() {
    if (!state.current) {
        return;
    }
    const saved = state.current.scenario;
    const status = $('rerun-status');
    $('rerun').disabled = true;
    status.dataset.identical = '';
    status.replaceChildren(`Re-running scenario #${saved.id} on snapshot #${saved.snapshotId} with seed ${saved.inputs.seed}…`);
    try {
        const run = await state.api.post(`scenarios/${saved.id}/runs`);
        // the service compares SHA-256 digests of the result documents; the page also compares every number
        const same = JSON.stringify(run.result) === JSON.stringify(saved.result);
        const identical = run.identical && same;
        status.dataset.identical = String(identical);
        status.replaceChildren(
            el('span', {class: `badge ${identical ? 'fresh' : 'stale'}`}, identical ? 'Identical' : 'Different'),
            ` Re-run #${run.runId} of scenario #${saved.id}: the service reports ${run.identical ? 'the same' : 'a different'} result digest ` +
                `(${run.resultDigest.slice(0, 16)}… against the saved ${saved.resultDigest.slice(0, 16)}…), and the page found ` +
                `${same ? 'every number of the two results equal' : 'numbers that differ between the two results'}. Run time ${format.count(run.durationMillis)} ms.`,
        );
        saved.reruns += 1;
        loadSaved();
    } catch (e) {
        status.replaceChildren(`The re-run failed: ${readable(e)}`);
    } finally {
        $('rerun').disabled = false;
    }
}

// ---- saved scenarios and comparison ------------------------------------------------------------------------------

function wireSaved() {
    $('refresh-saved').addEventListener('click', loadSaved);
    $('compare').addEventListener('click', compare);
}

async function loadSaved() {
    const panel = $('saved-panel');
    const status = panel.querySelector('.status');
    const content = panel.querySelector('.content');
    const ticked = new Set([...content.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value));
    panel.dataset.state = 'loading';
    status.replaceChildren('Loading…');
    try {
        const page = await state.api.get('scenarios', {page: 0, size: 50});
        state.saved = page.items;
        content.replaceChildren();
        if (!page.items.length) {
            status.replaceChildren('No scenario is saved yet.');
        } else {
            status.replaceChildren(`${page.total ?? page.items.length} saved, the ${page.items.length} newest shown. Tick two to compare them.`);
            content.append(savedTable(page.items, ticked));
        }
        panel.dataset.state = 'ready';
        panel.dataset.count = String(page.items.length);
        updateCompareButton();
    } catch (e) {
        status.replaceChildren(readable(e));
        panel.dataset.state = 'error';
    }
}

function savedTable(items, ticked) {
    const rows = items.map((s) => {
        const box = el('input', {type: 'checkbox', value: String(s.id), id: `pick-${s.id}`, 'aria-label': `Compare scenario #${s.id}`});
        if (ticked.has(String(s.id))) {
            box.checked = true;
        }
        box.addEventListener('change', updateCompareButton);
        const open = el('button', {type: 'button', class: 'secondary', 'data-open': String(s.id)}, `Open #${s.id}`);
        open.addEventListener('click', async () => {
            try {
                await show(await state.api.get(`scenarios/${s.id}`));
            } catch (e) {
                $('result-panel').querySelector('.status').replaceChildren(`Scenario #${s.id} could not be opened: ${readable(e)}`);
            }
        });
        return el(
            'tr',
            {'data-id': String(s.id)},
            el('td', {}, box),
            el('th', {scope: 'row'}, `#${s.id}`),
            el('td', {}, s.name || '(unnamed)'),
            el('td', {}, format.instant(s.createdAt)),
            el('td', {}, `${s.inputs.startDate}, ${s.inputs.horizonDays} days`),
            el('td', {}, `${format.count(s.inputs.paths)} / ${s.inputs.seed}`),
            el('td', {}, `+${s.inputs.addSanctions.length} / −${s.inputs.removeSanctions.length}`),
            el('td', {}, String(s.reruns)),
            el('td', {}, open),
        );
    });
    return el(
        'div',
        {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Saved scenarios table'},
        el(
            'table',
            {class: 'data', id: 'saved'},
            el('caption', {}, 'Saved scenarios, newest first'),
            el('thead', {}, el('tr', {}, ['compare', 'id', 'name', 'saved', 'horizon', 'paths / seed', 'added / removed', 're-runs', ''].map((h) => el('th', {scope: 'col'}, h || el('span', {class: 'visually-hidden'}, 'open'))))),
            el('tbody', {}, rows),
        ),
    );
}

function ticked() {
    return [...$('saved-panel').querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
}

function updateCompareButton() {
    const n = ticked().length;
    $('compare').disabled = n !== 2;
    $('compare').textContent = n === 2 ? 'Compare the two ticked' : `Compare the two ticked (${n} ticked)`;
}

async function compare() {
    const ids = ticked();
    if (ids.length !== 2) {
        return;
    }
    const panel = $('compare-panel');
    const status = panel.querySelector('.status');
    const content = panel.querySelector('.content');
    panel.hidden = false;
    panel.dataset.state = 'loading';
    status.replaceChildren('Loading both scenarios…');
    content.replaceChildren();
    try {
        const [a, b] = await Promise.all(ids.sort((x, y) => Number(x) - Number(y)).map((id) => state.api.get(`scenarios/${id}`)));
        content.append(comparison(a, b));
        status.replaceChildren(`Scenario #${a.id} against #${b.id}.`);
        panel.dataset.state = 'ready';
        panel.dataset.ids = `${a.id},${b.id}`;
        $('compare-title').scrollIntoView({block: 'start'});
    } catch (e) {
        status.replaceChildren(readable(e));
        panel.dataset.state = 'error';
    }
}

function comparison(a, b) {
    const sanctions = (s) => s.inputs.addSanctions.map((x) => `${x.key} ${x.date} (weight ${x.weight})`).join(', ') || 'none';
    const lossAt = (s, p) => {
        const points = s.result.lossExceedance || [];
        const point = points.find((x) => Math.abs(x.probability - p) < 1e-12);
        return point ? point.scenarioLoss : NaN;
    };
    const rows = [
        ['name', a.name || '(unnamed)', b.name || '(unnamed)', null],
        ['snapshot', `#${a.snapshotId}`, `#${b.snapshotId}`, null],
        ['horizon', `${a.result.start} to ${a.result.end}`, `${b.result.start} to ${b.result.end}`, null],
        ['paths / seed', `${format.count(a.result.paths)} / ${a.result.seed}`, `${format.count(b.result.paths)} / ${b.result.seed}`, null],
        ['added sanctions', sanctions(a), sanctions(b), null],
        ['removed sanctions', a.inputs.removeSanctions.join(', ') || 'none', b.inputs.removeSanctions.join(', ') || 'none', null],
        ['baseline heists', meanWithInterval(a.result.total.baseline.count, count), meanWithInterval(b.result.total.baseline.count, count),
            b.result.total.baseline.count.mean - a.result.total.baseline.count.mean],
        ['scenario heists', meanWithInterval(a.result.total.scenario.count, count), meanWithInterval(b.result.total.scenario.count, count),
            b.result.total.scenario.count.mean - a.result.total.scenario.count.mean],
        ['delta heists', meanWithInterval(a.result.total.delta.count, signed(count)), meanWithInterval(b.result.total.delta.count, signed(count)),
            b.result.total.delta.count.mean - a.result.total.delta.count.mean],
        ['delta P(at least one)', signed(format.percent)(a.result.total.delta.probabilityAtLeastOne), signed(format.percent)(b.result.total.delta.probabilityAtLeastOne), null],
        ['delta loss (USD)', meanWithInterval(a.result.total.delta.loss, signed(usd)), meanWithInterval(b.result.total.delta.loss, signed(usd)),
            a.result.total.delta.loss && b.result.total.delta.loss ? b.result.total.delta.loss.mean - a.result.total.delta.loss.mean : null, usd],
        ['scenario loss exceeded with 1%', usd(lossAt(a, 0.01)), usd(lossAt(b, 0.01)), lossAt(b, 0.01) - lossAt(a, 0.01), usd],
        ['result digest', `${a.resultDigest.slice(0, 16)}…`, `${b.resultDigest.slice(0, 16)}…`, null],
    ];
    return el(
        'div',
        {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Comparison table'},
        el(
            'table',
            {class: 'data', id: 'comparison'},
            el('caption', {}, `Scenario #${a.id} and #${b.id} side by side; intervals are 95% Monte Carlo intervals of the mean`),
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'quantity'), el('th', {scope: 'col'}, `#${a.id}`), el('th', {scope: 'col'}, `#${b.id}`), el('th', {scope: 'col'}, `#${b.id} − #${a.id}`))),
            el(
                'tbody',
                {},
                rows.map(([name, x, y, difference, formatter = count]) =>
                    el('tr', {}, el('th', {scope: 'row'}, name), el('td', {}, x), el('td', {}, y), el('td', {}, difference === null || !Number.isFinite(difference) ? '' : signed(formatter)(difference))),
                ),
            ),
        ),
    );
}

// ---- CSV ---------------------------------------------------------------------------------------------------------

const CSV_COLUMNS = [
    'scenario_id', 'level', 'sector', 'region', 'world',
    'count_mean', 'count_standard_error', 'count_mean_lower95', 'count_mean_upper95', 'count_q05', 'count_q50', 'count_q95',
    'probability_at_least_one',
    'loss_mean', 'loss_standard_error', 'loss_mean_lower95', 'loss_mean_upper95', 'loss_q05', 'loss_q50', 'loss_q95',
    'exceedance_probability', 'exceedance_loss',
];

function csvField(value) {
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
        return '';
    }
    const text = String(value);
    // a text field a spreadsheet would run as a formula is quoted with a leading apostrophe
    const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every total and cell of both worlds and the delta, and the loss exceedance points: one row each. */
export function csv(scenario) {
    const result = scenario.result;
    const lines = [CSV_COLUMNS.join(',')];
    const distribution = (d) =>
        d ? [d.mean, d.standardError, d.meanLower95, d.meanUpper95, d.q05, d.q50, d.q95] : [null, null, null, null, null, null, null];
    const summary = (level, sector, region, world, s) =>
        lines.push(
            [scenario.id, level, sector, region, world, ...distribution(s.count), s.probabilityAtLeastOne, ...distribution(s.loss), null, null]
                .map(csvField)
                .join(','),
        );
    for (const world of ['baseline', 'scenario', 'delta']) {
        summary('total', '', '', world, result.total[world]);
    }
    for (const cell of result.cells) {
        for (const world of ['baseline', 'scenario', 'delta']) {
            summary('cell', cell.sector, cell.region, world, cell[world]);
        }
    }
    for (const point of result.lossExceedance || []) {
        for (const world of ['baseline', 'scenario']) {
            const row = [scenario.id, 'exceedance', '', '', world, ...Array(15).fill(null), point.probability, point[`${world}Loss`]];
            lines.push(row.map(csvField).join(','));
        }
    }
    return `${lines.join('\r\n')}\r\n`;
}

start();
