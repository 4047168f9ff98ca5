import { defineWebExtConfig } from 'wxt';

// `npm start`: the dev browser opens on a page Paperlight works on. Chromium refuses to run as
// root with its sandbox (containers, CI boxes), so there, and only there, it runs without it.
export default defineWebExtConfig({
  startUrls: ['https://huggingface.co/papers'],
  chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
