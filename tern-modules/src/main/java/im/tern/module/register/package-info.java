/** XEP-0077: In-Band Registration (account creation off by default; password change and cancellation always). */
package im.tern.module.register;
