// Starts GraphiQL from files this server serves itself: no CDN, no inline script (the page's
// Content-Security-Policy allows scripts from this origin only). The options come from a JSON
// block in the page; Monaco's workers load from this origin too.
(() => {
  const assets = document.documentElement.dataset.assets;
  const workers = {
    json: 'json.worker.bundle.js',
    graphql: 'graphql.worker..bundle.js',
  };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: (_moduleId, label) =>
      `${assets}/monacoeditorwork/${workers[label] ?? 'editor.worker.bundle.js'}`,
  };
  const options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
