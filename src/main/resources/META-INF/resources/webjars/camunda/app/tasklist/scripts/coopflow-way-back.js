// A Tasklist plugin (Camunda 7.24's frontend plugin API, loaded by customScripts in config.js): a link in
// Tasklist's header back to coopflow's home page, where the rest of a person's work is.
// Tasklist's <base app-root> is coopflow's context path followed by the webapps' path (/camunda).
const appRoot = document.querySelector('base').getAttribute('app-root') || '';
const coopflowHome = appRoot.replace(/\/camunda\/?$/, '') + '/';

export default {
  id: 'coopflow.wayBack',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const link = document.createElement('a');
    link.id = 'coopflow-way-back';
    link.href = coopflowHome;
    link.textContent = '← coopflow';
    link.title = 'Back to coopflow: your home page, programmes, pledges and alerts';
    node.appendChild(link);
  }
};
