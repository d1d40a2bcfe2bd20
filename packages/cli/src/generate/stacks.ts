/**
 * The technology stacks posts are written about. Each names the code languages its posts show, so a
 * post about go microservices shows go (or the yaml and shell around it), never php.
 */
export interface Stack {
  /** As the seeds write it in the title and topic: `python services`. */
  name: string;
  /** The entity of type `area` and the second `stack` item. */
  area: string;
  /** The third `stack` item: the language or runtime. */
  language: string;
  tools: readonly string[];
  /** `code language` values for this stack, the main one repeated to weight it. */
  codeLanguages: readonly string[];
}

export const STACKS: readonly Stack[] = [
  {
    name: 'python services',
    area: 'backend',
    language: 'python',
    tools: ['fastapi', 'pytest', 'uvicorn', 'ruff', 'celery', 'sqlalchemy', 'poetry'],
    codeLanguages: ['python', 'python', 'python', 'bash', 'sql', 'yaml'],
  },
  {
    name: 'go microservices',
    area: 'backend',
    language: 'go',
    tools: ['go test', 'pprof', 'gofmt', 'golangci-lint', 'grpc', 'prometheus'],
    codeLanguages: ['go', 'go', 'go', 'bash', 'yaml', 'dockerfile'],
  },
  {
    name: 'node apis',
    area: 'backend',
    language: 'node',
    tools: ['express', 'vitest', 'pnpm', 'eslint', 'pino', 'tsx'],
    codeLanguages: ['typescript', 'typescript', 'javascript', 'bash', 'yaml'],
  },
  {
    name: 'rust cli tools',
    area: 'tooling',
    language: 'rust',
    tools: ['cargo', 'clippy', 'rustfmt', 'clap', 'criterion'],
    codeLanguages: ['rust', 'rust', 'rust', 'toml', 'bash'],
  },
  {
    name: 'php sites',
    area: 'web',
    language: 'php',
    tools: ['composer', 'phpunit', 'php-fpm', 'nginx', 'phpstan'],
    codeLanguages: ['php', 'php', 'php', 'sql', 'bash'],
  },
  {
    name: 'wordpress sites',
    area: 'web',
    language: 'php',
    tools: ['wp-cli', 'redis', 'nginx', 'query monitor', 'composer'],
    codeLanguages: ['php', 'php', 'bash', 'sql'],
  },
  {
    name: 'static sites',
    area: 'frontend',
    language: 'javascript',
    tools: ['vite', 'astro', 'lighthouse', 'netlify', 'playwright'],
    codeLanguages: ['typescript', 'javascript', 'javascript', 'yaml', 'bash'],
  },
  {
    name: 'data pipelines',
    area: 'data',
    language: 'python',
    tools: ['airflow', 'dbt', 'pandas', 'great expectations', 'duckdb'],
    codeLanguages: ['python', 'python', 'sql', 'sql', 'yaml'],
  },
  {
    name: 'kubernetes clusters',
    area: 'platform',
    language: 'yaml',
    tools: ['kubectl', 'helm', 'argo cd', 'kustomize', 'prometheus'],
    codeLanguages: ['yaml', 'yaml', 'bash', 'dockerfile'],
  },
  {
    name: 'rails apps',
    area: 'backend',
    language: 'ruby',
    tools: ['rspec', 'sidekiq', 'puma', 'rubocop', 'bundler'],
    codeLanguages: ['ruby', 'ruby', 'sql', 'bash', 'yaml'],
  },
  {
    name: 'java services',
    area: 'backend',
    language: 'java',
    tools: ['spring boot', 'gradle', 'junit', 'flyway', 'micrometer'],
    codeLanguages: ['java', 'java', 'sql', 'yaml'],
  },
  {
    name: 'dotnet apis',
    area: 'backend',
    language: 'csharp',
    tools: ['asp.net core', 'xunit', 'entity framework', 'serilog'],
    codeLanguages: ['csharp', 'csharp', 'sql', 'bash'],
  },
];

/** Tools every post may list beside its stack's own, as the seeds do. */
export const COMMON_TOOLS: readonly string[] = ['git', 'logs', 'docker', 'grafana', 'sentry'];
