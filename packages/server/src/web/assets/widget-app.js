/**
 * Starts the hosted widget: takes the token from the address, registers the elements, and tells
 * the frame's host its height (only a number, so any parent may read it).
 */
import { OpenPipesAdmin } from './widget-admin.js';
import { createClient, takeToken } from './widget-api.js';
import { OpenPipesConnect } from './widget-connect.js';
import { h } from './widget-dom.js';

const token = takeToken(window.location, window.history);
const elements = { 'openpipes-connect': [OpenPipesConnect, 'pipes'], 'openpipes-admin': [OpenPipesAdmin, 'pipes-admin'] };

for (const [name, [element, widgetType]] of Object.entries(elements)) {
  const host = document.querySelector(name);
  if (!host) continue;
  if (!token) {
    host.replaceWith(h('p', { class: 'notice error', role: 'alert' }, 'This page must be opened from the application (no widget token).'));
    continue;
  }
  // Set before the element is defined: the upgrade keeps it, and connectedCallback starts with it.
  host.call = createClient(token, widgetType);
  customElements.define(name, element);
}

if (window.parent !== window) {
  const report = () => window.parent.postMessage({ type: 'openpipes:height', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(report).observe(document.body);
}
