// A Tasklist plugin (loaded by customScripts in config.js): the number of tasks beside every filter's
// name, not only beside the filter in focus as Tasklist does, so that an officer sees at a glance where
// work waits ("Overdue (2)", "Pledges to verify (5)"). One request lists the filters the person may read
// with their counts (GET filter?itemCount=true, the same engine API Tasklist itself calls); the counts
// follow Tasklist's own redraws and are read again every 30 seconds.
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const FILTERS = appRoot + '/api/engine/engine/default/filter?resourceType=Task&itemCount=true';

let counts = {};

function paint() {
  document.querySelectorAll('.task-filter h4.name > a').forEach((link) => {
    const name = Array.from(link.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim();
    let badge = link.querySelector('.coopflow-count');
    const focused = link.querySelector('.counter:not(.ng-hide)');
    const text = !focused && name in counts ? ' (' + counts[name] + ')' : '';
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'coopflow-count';
      link.appendChild(badge);
    }
    if (badge.textContent !== text) {
      badge.textContent = text;
    }
  });
}

function load() {
  fetch(FILTERS, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : []))
    .then((filters) => {
      counts = {};
      filters.forEach((filter) => {
        counts[filter.name] = filter.itemCount;
      });
      paint();
    })
    .catch(() => {});
}

export default {
  id: 'coopflow.filterCounts',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    let pending = false;
    new MutationObserver(() => {
      if (!pending) {
        pending = true;
        setTimeout(() => {
          pending = false;
          paint();
        }, 100);
      }
    }).observe(document.body, { childList: true, subtree: true });
    // a completed or claimed task changes the counts: Tasklist redraws its list, and so do we
    document.addEventListener('click', () => setTimeout(load, 1500));
    load();
    setInterval(load, 30000);
  }
};
