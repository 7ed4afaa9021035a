import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** Ends a command-line program with one line on stderr: `program: message`. */
export function exitWith(program: string, message: string): never {
  process.stderr.write(`${program}: ${message}\n`);
  process.exit(1);
}

/** The validated configuration, or exit with the one-line reason. */
export function configOrExit(program: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(program, error.message);
    throw error;
  }
}
