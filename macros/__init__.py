"""mkdocs-macros entry point: exposes the project's renderers to pages that opt in.

The content is loaded once, by the projectz plugin, which runs before this module.
"""

from projectz.site import macros_api


def define_env(env):
    macros_api.register(env, env.conf.plugins["projectz"].content)
