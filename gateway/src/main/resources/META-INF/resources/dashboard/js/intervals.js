// Intervals in the API's answers, read the same way everywhere. A served number may come as a plain number with its
// interval beside it ({expectedCount, expectedCountInterval: {lower, upper, level}}, or in an `intervals` map, or as
// expectedCountLower/expectedCountUpper), or as an object holding both ({expectedCount: {point, lower, upper}}).
// Whatever shape the service uses, the panels show the interval when it is there and say so when it is not.

const finite = (value) => typeof value === 'number' && Number.isFinite(value);

function asInterval(value) {
    if (value && typeof value === 'object' && finite(value.lower) && finite(value.upper)) {
        return {lower: value.lower, upper: value.upper, level: finite(value.level) ? value.level : null};
    }
    return null;
}

/** The number itself: a plain number, or the point/mean/value of an object that carries an interval. */
export function pointOf(holder, name) {
    const value = holder ? holder[name] : undefined;
    if (finite(value)) {
        return value;
    }
    if (value && typeof value === 'object') {
        for (const key of ['point', 'mean', 'value', 'estimate']) {
            if (finite(value[key])) {
                return value[key];
            }
        }
    }
    return null;
}

/** The interval of holder[name], or null when the answer carries none. */
export function intervalOf(holder, name) {
    if (!holder) {
        return null;
    }
    const direct = asInterval(holder[name]);
    if (direct) {
        return direct;
    }
    for (const key of [`${name}Interval`, `${name}CredibleInterval`]) {
        const found = asInterval(holder[key]);
        if (found) {
            return found;
        }
    }
    if (holder.intervals) {
        const found = asInterval(holder.intervals[name]);
        if (found) {
            return found;
        }
    }
    // the risk-service's heatmap: {interval: {level, expectedCountLower, expectedCountUpper, probabilityLower, ...}}
    if (holder.interval && typeof holder.interval === 'object') {
        const short = name === 'probabilityAtLeastOne' ? 'probability' : name;
        const i = holder.interval;
        if (finite(i[`${short}Lower`]) && finite(i[`${short}Upper`])) {
            return {lower: i[`${short}Lower`], upper: i[`${short}Upper`], level: finite(i.level) ? i.level : null};
        }
    }
    for (const [lowerKey, upperKey] of [
        [`${name}Lower`, `${name}Upper`],
        [`${name}Lower95`, `${name}Upper95`],
        [`${name}Lower90`, `${name}Upper90`],
    ]) {
        if (finite(holder[lowerKey]) && finite(holder[upperKey])) {
            return {lower: holder[lowerKey], upper: holder[upperKey], level: lowerKey.endsWith('90') ? 0.9 : lowerKey.endsWith('95') ? 0.95 : null};
        }
    }
    return null;
}

/**
 * An interval from parameter uncertainty anywhere in a summary (the scenario's Monte Carlo intervals are
 * meanLower95/meanUpper95; a parameter-uncertainty interval is any field whose name speaks of parameters).
 */
export function parameterIntervalOf(holder) {
    if (!holder || typeof holder !== 'object') {
        return null;
    }
    for (const [key, value] of Object.entries(holder)) {
        if (/param/i.test(key)) {
            const found = asInterval(value);
            if (found) {
                return found;
            }
        }
    }
    const keys = Object.keys(holder);
    for (const lowerKey of keys.filter((key) => /param/i.test(key) && /lower/i.test(key))) {
        const upperKey = keys.find((key) => key === lowerKey.replace(/lower/i, (m) => (m[0] === 'L' ? 'Upper' : 'upper')));
        if (upperKey && finite(holder[lowerKey]) && finite(holder[upperKey])) {
            return {lower: holder[lowerKey], upper: holder[upperKey], level: /90/.test(lowerKey) ? 0.9 : /95/.test(lowerKey) ? 0.95 : null};
        }
    }
    return null;
}

/** "[lower, upper]" with the level when known ("95% [..]"). */
export function describeInterval(interval, formatNumber) {
    if (!interval) {
        return '';
    }
    const level = interval.level ? `${Math.round(interval.level * 100)}% ` : '';
    return `${level}[${formatNumber(interval.lower)}, ${formatNumber(interval.upper)}]`;
}
