# Marketpulse: thin wrappers around scripts/. `make` alone lists the targets.
SHELL := bash
.DEFAULT_GOAL := help

.PHONY: help install infra up down logs test lint bench migrate build asyncapi clean

help:
	@echo "Marketpulse make targets:"
	@echo "  install   npm ci when node_modules is missing or older than package-lock.json"
	@echo "  infra     install + make sure NATS (JetStream) and PostgreSQL run and the database exists"
	@echo "  up        infra, build, migrate, start the services in the background (scripts/up.sh)"
	@echo "  down      stop the services (scripts/down.sh)"
	@echo "  logs      follow .data/logs/*.log"
	@echo "  test      infra, then npm test"
	@echo "  lint      npm run lint"
	@echo "  bench     infra, then npm run bench"
	@echo "  migrate   infra, then npm run migrate"
	@echo "  build     npm run build"
	@echo "  asyncapi  npm run asyncapi (docs/asyncapi.yaml)"
	@echo "  clean     down, stop what scripts/infra started, remove dist and .data"
	@echo "Environment: NATS_URL (nats://127.0.0.1:4222), DATABASE_URL (postgres://postgres@127.0.0.1:5432/marketpulse)"

install:
	bash scripts/install.sh

infra: install
	bash scripts/infra/ensure-nats.sh
	bash scripts/infra/ensure-postgres.sh

up:
	bash scripts/up.sh

down:
	bash scripts/down.sh

logs:
	@mkdir -p .data/logs
	@shopt -s nullglob; files=(.data/logs/*.log); \
	  if (( $${#files[@]} == 0 )); then echo "[marketpulse] no logs yet in .data/logs (make up)"; exit 0; fi; \
	  exec tail -n 20 -F "$${files[@]}"

test: infra
	npm test

lint:
	npm run lint

bench: infra
	npm run bench

migrate: infra
	npm run migrate

build:
	npm run build

asyncapi:
	npm run asyncapi

clean: down
	bash scripts/infra/stop-local.sh
	rm -rf dist .data
