// JupyterLab's front end with the extensions that opening, running and debugging a notebook needs,
// and ipywidgets' widget manager, which renders the kernel's Jupyter widgets.
// The list must match "jupyterlab.extensions" in package.json (that list is what webpack.config.js
// copies settings schemas and styles for).
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';

// the public path must be set before the CSS (and its fonts and images) loads
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption('fullStaticUrl') + '/';

const styles = import('./build/style.js');

// the language-server plugins need a server extension that is not there
const withoutLsp = (plugins) => plugins.default.filter(({ id }) => !id.includes(':language-server'));

const extensions = [
  // the widget manager, and the models and views of @jupyter-widgets/base, controls and output
  import('@jupyter-widgets/jupyterlab-manager'),
  import('@jupyterlab/application-extension'),
  import('@jupyterlab/apputils-extension'),
  import('@jupyterlab/codemirror-extension'),
  import('@jupyterlab/completer-extension'),
  import('@jupyterlab/console-extension'),
  import('@jupyterlab/debugger-extension'),
  import('@jupyterlab/docmanager-extension'),
  import('@jupyterlab/documentsearch-extension'),
  import('@jupyterlab/filebrowser-extension'),
  import('@jupyterlab/fileeditor-extension').then(withoutLsp),
  import('@jupyterlab/launcher-extension'),
  import('@jupyterlab/mainmenu-extension'),
  import('@jupyterlab/notebook-extension').then(withoutLsp),
  import('@jupyterlab/rendermime-extension'),
  // the keyboard shortcuts (Shift+Enter, …) that the extensions' settings schemas declare
  import('@jupyterlab/shortcuts-extension'),
  import('@jupyterlab/statusbar-extension'),
  import('@jupyterlab/theme-light-extension'),
  import('@jupyterlab/translation-extension'),
  import('@jupyterlab/ui-components-extension')
];

window.addEventListener('load', async () => {
  await styles;
  const lab = new JupyterLab();
  lab.registerPluginModules(await Promise.all(extensions));
  await lab.start();
  await lab.restored;
  // the test waits for this marker before it touches the page
  document.body.dataset.labRestored = 'true';
  window.jupyterapp = lab;
  console.log('JupyterLab restored');
});
