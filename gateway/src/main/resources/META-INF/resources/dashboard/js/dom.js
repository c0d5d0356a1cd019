// Small DOM and number helpers. Text goes in as text nodes, never as HTML, so data from the API cannot inject markup.

export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value !== undefined && value !== null) {
            node.setAttribute(name, String(value));
        }
    }
    for (const child of children.flat()) {
        if (child !== undefined && child !== null) {
            node.append(child instanceof Node ? child : String(child));
        }
    }
    return node;
}

const COUNT = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
const USD = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1});
const PERCENT = new Intl.NumberFormat('en-US', {style: 'percent', maximumFractionDigits: 1});

export const format = {
    count: (value) => COUNT.format(value),
    usd: (value) => USD.format(value),
    percent: (value) => PERCENT.format(value),
    rate: (value) => (value === 0 ? '0' : value.toPrecision(3)),
    instant: (value) => (value ? new Date(value).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'never'),
    age(seconds) {
        if (seconds < 120) {
            return `${seconds} s`;
        }
        const minutes = Math.round(seconds / 60);
        if (minutes < 120) {
            return `${minutes} min`;
        }
        const hours = Math.round(minutes / 60);
        return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
    },
};
