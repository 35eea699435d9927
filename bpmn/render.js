#!/usr/bin/env node
// Renders each model's picture (bpmn/X.bpmn -> bpmn/X.png) with bpmn-js, the library Camunda Modeler
// draws with, in headless Chromium, so the pictures show exactly what an analyst sees in the Modeler.
// Usage: node bpmn/render.js [model.bpmn ...]   (default: every model in bpmn/)
// CHROMIUM names the browser when it is not /usr/bin/chromium (Debian's package `chromium`).
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const MARGIN = 30;
const SCALE = 1.5;

async function render(page, model) {
  const xml = fs.readFileSync(model, 'utf8');
  const size = await page.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const box = canvas.getActiveLayer().getBBox();
    window.viewer = viewer;
    return { x: box.x, y: box.y, width: box.width, height: box.height, warnings: warnings.map((w) => w.message) };
  }, xml);
  // what bpmn-js could not draw, the Modeler cannot show either
  size.warnings.forEach((w) => console.error(`${path.basename(model)}: ${w}`));
  const width = Math.ceil(size.width + 2 * MARGIN);
  const height = Math.ceil(size.height + 2 * MARGIN);
  await page.setViewportSize({ width, height });
  await page.evaluate(({ size, width, height, margin }) => {
    document.querySelector('#canvas').style.width = width + 'px';
    document.querySelector('#canvas').style.height = height + 'px';
    const canvas = window.viewer.get('canvas');
    canvas.resized();
    canvas.viewbox({ x: size.x - margin, y: size.y - margin, width, height });
  }, { size, width, height, margin: MARGIN });
  const png = model.replace(/\.bpmn$/, '.png');
  await page.locator('#canvas').screenshot({ path: png });
  await page.evaluate(() => window.viewer.destroy());
  return png;
}

async function main() {
  const dir = __dirname;
  const models = process.argv.length > 2
    ? process.argv.slice(2)
    : fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => path.join(dir, f));
  const bpmnJs = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
  const css = ['diagram-js.css', 'bpmn-js.css']
    .map((f) => fs.readFileSync(path.join(path.dirname(bpmnJs), 'assets', f), 'utf8'))
    .join('\n');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: SCALE });
    for (const model of models) {
      await page.setContent(`<!doctype html><html><head><style>${css}
        html, body { margin: 0; background: white; } #canvas { width: 100px; height: 100px; }</style></head>
        <body><div id="canvas"></div></body></html>`);
      await page.addScriptTag({ path: bpmnJs });
      console.log(path.relative(process.cwd(), await render(page, path.resolve(model))));
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
