// The dashboard's entry point: read where to log in, finish a login coming back from Keycloak, then either offer the
// login or load the four panels through the gateway.

import {Api} from './api.js';
import {Auth} from './auth.js';
import {load, renderFreshness, renderHeatmap, renderIntensity, renderTimeline} from './panels.js';

const $ = (id) => document.getElementById(id);
const SUITE_ROLES = ['compliance-viewer', 'risk-analyst', 'policy-analyst', 'data-steward', 'admin'];

function showAuthError(message) {
    $('auth-error').textContent = message;
    $('auth-error').hidden = false;
}

async function readConfig() {
    const response = await fetch('config.json', {cache: 'no-store'});
    if (!response.ok) {
        throw new Error(`the dashboard configuration answered ${response.status}`);
    }
    return response.json();
}

function showBoard(auth) {
    const api = new Api(() => auth.accessToken());
    const user = auth.user;
    const roles = user.roles.filter((role) => SUITE_ROLES.includes(role));
    $('user').textContent = `${user.name} (${roles.join(', ') || 'no role of the suite'})`;
    $('session').hidden = false;
    $('board').hidden = false;
    $('logout').addEventListener('click', () => auth.logout());

    load($('freshness-panel'), () => api.get('model'), renderFreshness);
    load($('intensity-panel'), () => api.get('model/intensity'), renderIntensity);

    const timeline = () => load($('timeline-panel'), () => api.get('timeline', {bucket: $('timeline-bucket').value}), renderTimeline);
    $('timeline-bucket').addEventListener('change', timeline);
    timeline();

    let heatmap = null;
    const draw = (content, data) => renderHeatmap(content, data, $('heatmap-measure').value, $('heatmap-intervals').checked);
    const drawHeatmap = () => load($('heatmap-panel'), async () => heatmap, draw);
    const loadHeatmap = () =>
        load(
            $('heatmap-panel'),
            async () => {
                heatmap = null;
                heatmap = await api.get('heatmap', {horizonDays: $('horizon').value});
                return heatmap;
            },
            draw,
        );
    $('horizon').addEventListener('change', loadHeatmap);
    $('heatmap-measure').addEventListener('change', () => (heatmap ? drawHeatmap() : loadHeatmap()));
    $('heatmap-intervals').addEventListener('change', () => (heatmap ? drawHeatmap() : loadHeatmap()));
    loadHeatmap();
}

async function start() {
    let auth;
    try {
        auth = new Auth(await readConfig(), new URL('./', window.location.href).href);
    } catch (e) {
        showAuthError(`The dashboard cannot start: ${e.message}.`);
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
