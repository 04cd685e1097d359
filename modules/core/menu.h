/* The portal's menu: which items a signed-in account sees. */
#ifndef PORTAL_MENU_H
#define PORTAL_MENU_H

#include <libxml/tree.h>

/* Adds <menu><item key href [current]>label</item>...</menu> to parent. */
void menu_build(xmlNodePtr parent, unsigned caps, const char *path);

#endif
