"""Qt widgets and models: the only package that imports Qt."""

from console.ui.refcounts import make_singletons_immortal

make_singletons_immortal()
