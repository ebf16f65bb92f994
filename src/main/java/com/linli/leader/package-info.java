/** Group leaders (团长): who runs which pickup point; later applications, commission and ranking. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "network" })
package com.linli.leader;
