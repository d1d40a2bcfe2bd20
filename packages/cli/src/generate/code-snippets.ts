/**
 * Code a post can show, by `code language`. A catalogue, so longer than most files.
 *
 * Each snippet is real-looking code with what makes code hard to tell from prose in this format:
 * blank lines (two in a row, too), indentation, tabs in go, and lines that stand alone between blank
 * lines. `portable: false` marks a snippet with a lone line that reads as code only through its
 * language's patterns (`package main`, `set -euo pipefail`): it needs a `code language` the parser
 * knows, so a hostile, unknown language never goes with it.
 */
export interface Snippet {
  code: string;
  portable?: false;
}

export const SNIPPETS: Readonly<Record<string, readonly Snippet[]>> = {
  python: [
    {
      code: `from fastapi import FastAPI
app = FastAPI()

@app.get('/health')
def health():
    return {'ok': True}`,
    },
    {
      portable: false,
      code: `import os

CACHE_TTL = int(os.environ.get("CACHE_TTL", "300"))


def cache_headers(path: str) -> dict[str, str]:
    if path.startswith("/static/"):
        return {"Cache-Control": "public, max-age=31536000, immutable"}
    return {"Cache-Control": f"public, max-age={CACHE_TTL}"}`,
    },
    {
      portable: false,
      code: `import pytest

@pytest.mark.parametrize("path", ["/", "/blog/", "/static/app.css"])
def test_cache_headers(path):
    headers = cache_headers(path)
    assert "Cache-Control" in headers`,
    },
  ],
  go: [
    {
      portable: false,
      code: `package main

import (
\t"log"
\t"net/http"
\t"time"
)

func main() {
\tsrv := &http.Server{
\t\tAddr:              ":8080",
\t\tReadHeaderTimeout: 5 * time.Second,
\t}
\tlog.Fatal(srv.ListenAndServe())
}`,
    },
    {
      code: `func withTimeout(next http.Handler) http.Handler {
\treturn http.TimeoutHandler(next, 2*time.Second, "timeout")
}`,
    },
    {
      portable: false,
      code: `package cache

import "sync"

type Store struct {
\tmu    sync.RWMutex
\titems map[string][]byte
}

func (s *Store) Get(key string) ([]byte, bool) {
\ts.mu.RLock()
\tdefer s.mu.RUnlock()

\tv, ok := s.items[key]
\treturn v, ok
}`,
    },
  ],
  bash: [
    {
      portable: false,
      code: `#!/usr/bin/env bash

set -euo pipefail

for url in "$@"; do
  curl -fsS -o /dev/null -w '%{http_code} %{time_total}\\n' "$url"
done`,
    },
    {
      portable: false,
      code: `set -euo pipefail

pg_dump --format=custom "$DATABASE_URL" > backup.dump
pg_restore --list backup.dump | head -n 20`,
    },
    {
      code: `docker build -t app:candidate .
docker run --rm -p 8080:8080 app:candidate &
sleep 2
curl -fsS http://localhost:8080/health`,
    },
  ],
  typescript: [
    {
      code: `import { Hono } from 'hono';

const app = new Hono();

app.get('/health', (c) => c.json({ ok: true }));

export default app;`,
    },
    {
      code: `export function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) {
    return 'public, max-age=31536000, immutable';
  }

  return 'public, max-age=60, stale-while-revalidate=600';
}`,
    },
    {
      code: `type Job = { id: string; attempts: number };

export async function runWithRetry(job: Job, work: (job: Job) => Promise<void>) {
\tfor (let attempt = job.attempts; attempt < 3; attempt++) {
\t\ttry {
\t\t\treturn await work(job);
\t\t} catch (error) {
\t\t\tconsole.warn('retrying', job.id, error);
\t\t}
\t}
}`,
    },
  ],
  javascript: [
    {
      code: `const express = require('express');
const app = express();

app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(process.env.PORT || 3000);`,
    },
    {
      code: `export default {
  async fetch(request, env) {
    const cache = caches.default;
    let response = await cache.match(request);

    if (!response) {
      response = await fetch(request);
      await cache.put(request, response.clone());
    }
    return response;
  },
};`,
    },
  ],
  rust: [
    {
      code: `use std::time::Instant;

fn main() {
    let start = Instant::now();
    let total: u64 = (1..=1_000_000).sum();
    println!("sum={total} in {:?}", start.elapsed());
}`,
    },
    {
      code: `use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Files to check
    paths: Vec<String>,

    #[arg(long)]
    strict: bool,
}`,
    },
  ],
  toml: [
    {
      code: `[package]
name = "checker"
version = "0.1.0"
edition = "2021"

[dependencies]
clap = { version = "4", features = ["derive"] }`,
    },
  ],
  php: [
    {
      code: `<?php

declare(strict_types=1);

function cache_key(string $path): string
{
    return 'page:' . sha1($path);
}`,
    },
    {
      code: `<?php
$pdo = new PDO($dsn, $user, $password, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$stmt = $pdo->prepare('SELECT id, title FROM posts WHERE status = ? LIMIT 20');
$stmt->execute(['published']);

foreach ($stmt as $row) {
    echo $row['title'], PHP_EOL;
}`,
    },
  ],
  sql: [
    {
      code: `EXPLAIN ANALYZE
SELECT id, title
FROM posts
WHERE status = 'published'
ORDER BY published_at DESC
LIMIT 20;`,
    },
    {
      code: `BEGIN;

ALTER TABLE posts ADD COLUMN reviewed_at timestamptz;
UPDATE posts SET reviewed_at = now() WHERE status = 'reviewed';

COMMIT;`,
    },
    {
      code: `-- slowest queries first
SELECT query, calls, mean_exec_time
FROM pg_stat_statements
ORDER BY mean_exec_time DESC
LIMIT 10;`,
    },
  ],
  yaml: [
    {
      code: `services:
  app:
    image: ghcr.io/example/app:latest
    ports:
      - "8080:8080"

  cache:
    image: redis:7`,
    },
    {
      code: `name: ci
on: [push]

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pnpm install --frozen-lockfile
      - run: pnpm test`,
    },
    {
      portable: false,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app

replicas: 3

---
strategy:
  type: RollingUpdate`,
    },
  ],
  dockerfile: [
    {
      code: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]`,
    },
    {
      portable: false,
      code: `FROM node:22-slim

WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN corepack enable && pnpm install --frozen-lockfile`,
    },
  ],
  ruby: [
    {
      code: `class HealthController < ApplicationController
  def show
    render json: { ok: true }
  end
end`,
    },
    {
      portable: false,
      code: `require "sidekiq"

class ImportJob
  include Sidekiq::Job

  def perform(post_id)
    Post.find(post_id).import!
  end
end`,
    },
  ],
  java: [
    {
      code: `package com.example.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class HealthController {
    @GetMapping("/health")
    public String health() {
        return "ok";
    }
}`,
    },
  ],
  csharp: [
    {
      code: `var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { ok = true }));

app.Run();`,
    },
  ],
};

/** How a line comment starts in each language, for the hostile line slipped into code. */
export const LINE_COMMENT: Readonly<Record<string, string>> = {
  python: '#',
  bash: '#',
  yaml: '#',
  toml: '#',
  ruby: '#',
  dockerfile: '#',
  sql: '--',
  go: '//',
  typescript: '//',
  javascript: '//',
  rust: '//',
  php: '//',
  java: '//',
  csharp: '//',
};
