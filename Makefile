# The two commands of the quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: demo test install services clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_corpus fixtures/seeds --corpus seeds
	$(PY) manage.py extract --corpus seeds
	$(PY) manage.py build_claims --corpus seeds --list
	$(PY) manage.py create_reviewer reviewer
	@echo "Admin: http://$(HOST)/admin/   API: http://$(HOST)/api/"
	$(PY) manage.py runserver $(HOST)

test: $(STAMP)
	scripts/system-deps.sh
	scripts/with-services.sh scripts/run-tests.sh $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache test-artifacts
