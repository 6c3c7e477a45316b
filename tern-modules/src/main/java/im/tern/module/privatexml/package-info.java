/** XEP-0049: Private XML Storage, one document per namespace and element name, own account only. */
package im.tern.module.privatexml;
