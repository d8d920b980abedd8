// First: the query engine starts before the rest of the app is evaluated (see engine-start.ts).
import './db/engine-start.ts';
// The font ships with the app (no font host): every subset, so Vietnamese diacritics never fall back.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
