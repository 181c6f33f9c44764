/**
 * The mini programs a back end serves: the registry they are read from (the properties, a database
 * table changed at run time, or a host's own) and the back office's API that changes them.
 */
@NullMarked
package io.github.wxlogin.app;

import org.jspecify.annotations.NullMarked;
