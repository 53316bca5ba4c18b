#ifndef NEWSETL_CLIBXML2_SHIM_H
#define NEWSETL_CLIBXML2_SHIM_H

/* Debian builds libxml2 against ICU; its headers then clash with the ICU that
   Foundation carries ("'UErrorCode' has different definitions") on clean
   builds. NewsETL never uses libxml2's ICU support. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as shared
   mutable state; this wrapper is a plain function. */
static inline void newsetl_xmlFree(void *pointer) { xmlFree(pointer); }

/* libxml2 prints some errors itself (to stderr, through a variadic
   "generic" handler Swift cannot define). newsetl_xmlRouteErrors silences
   that handler and sends every error through `handler` instead, for this
   thread and every thread created later, so messages reach NewsETL's own
   logging (and JSON logs stay one object per line). */
static void newsetl_xmlIgnoreGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void newsetl_xmlRouteErrors(xmlStructuredErrorFunc handler) {
    xmlSetGenericErrorFunc(NULL, newsetl_xmlIgnoreGenericError);
    xmlThrDefSetGenericErrorFunc(NULL, newsetl_xmlIgnoreGenericError);
    xmlSetStructuredErrorFunc(NULL, handler);
    xmlThrDefSetStructuredErrorFunc(NULL, handler);
}

#endif
