// The package's public entry points (`import { boot, loadConfig } from 'openpipes'`): one line per module.
export { boot, type Logger, type Runtime } from './app/main.ts';
export { loadConfig, ConfigError, type Config } from './app/config.ts';
