// A pasted Spring Security log: the 401 invalid_client of a token exchange and the stack trace
// around it, about 2 KB, as a user would paste it into search. Shared by throughput and load.
const lines = [
  "2026-11-30 14:02:17.431 ERROR 41876 --- [nio-8080-exec-7] o.s.s.o.c.w.OAuth2LoginAuthenticationFilter : Authentication request failed",
  "org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized: [{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}]",
  "\tat org.springframework.security.oauth2.client.endpoint.DefaultAuthorizationCodeTokenResponseClient.getResponse(DefaultAuthorizationCodeTokenResponseClient.java:99)",
  "\tat org.springframework.security.oauth2.client.endpoint.DefaultAuthorizationCodeTokenResponseClient.getTokenResponse(DefaultAuthorizationCodeTokenResponseClient.java:78)",
  "\tat org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider.authenticate(OidcAuthorizationCodeAuthenticationProvider.java:146)",
  "\tat org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter.attemptAuthentication(OAuth2LoginAuthenticationFilter.java:196)",
  "\tat org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter.doFilter(AbstractAuthenticationProcessingFilter.java:231)",
  "\tat org.springframework.security.web.FilterChainProxy$VirtualFilterChain.doFilter(FilterChainProxy.java:374)",
  "\tat org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116)",
  "\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174)",
  "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
  "Caused by: org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: [{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}]",
  "\tat org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:106)",
  "\tat org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler.handleError(OAuth2ErrorResponseErrorHandler.java:63)",
  "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:872)",
  "\t... 41 common frames omitted",
];

export const pastedStackTrace = lines.join("\n");
