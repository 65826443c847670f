"""JupyterLab's front end (built into ./build by webpack) served by jupyter_server.

    python3 main.py --ServerApp.port=8888 --ServerApp.root_dir=NOTEBOOKS --ServerApp.token=

jupyterlab_server's LabServerApp serves the page (templates/index.html with its page config), the
bundle, the settings schemas and themes that webpack.config.js copied into build/, and the
settings and workspaces REST endpoints; jupyter_server serves contents, sessions, kernels and the
kernels' websockets.
"""
import json
import os

from jsonschema import Draft7Validator
from jupyterlab_server import LabServerApp, settings_utils

# JupyterLab 4's settings schemas use draft-7 keywords ("const" in "oneOf"); jupyterlab_server
# before 2.19 validates user settings as draft 4, which ignores "const", finds every "oneOf"
# branch valid, rejects the settings and silently serves the defaults instead.
settings_utils.Validator = Draft7Validator

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
# where the user's settings and workspaces go (a test gives a fresh directory, so that no earlier
# run's open tabs or settings come back)
STATE = os.environ.get("SCRATCHNET_LAB_STATE_DIR", BUILD)

# no configuration file on disk may change what this server does
os.environ["JUPYTER_NO_CONFIG"] = "1"

with open(os.path.join(HERE, "node_modules", "@jupyterlab", "application", "package.json")) as f:
    VERSION = json.load(f)["version"]


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": ScratchnetLab}]


class ScratchnetLab(LabServerApp):
    """JupyterLab at /lab with only the extensions bundled in build/bundle.js."""

    extension_url = "/lab"
    default_url = "/lab"
    name = __name__
    load_other_extensions = False
    app_name = "JupyterLab"
    app_version = VERSION
    app_settings_dir = os.path.join(BUILD, "application_settings")
    schemas_dir = os.path.join(BUILD, "schemas")
    static_dir = BUILD
    templates_dir = os.path.join(HERE, "templates")
    themes_dir = os.path.join(BUILD, "themes")
    user_settings_dir = os.path.join(STATE, "user_settings")
    workspaces_dir = os.path.join(STATE, "workspaces")

    def initialize_settings(self):
        super().initialize_settings()
        self.serverapp.web_app.settings["terminals_available"] = False


if __name__ == "__main__":
    ScratchnetLab.launch_instance()
