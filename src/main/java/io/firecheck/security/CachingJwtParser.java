package io.firecheck.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser, which the bearer-token check (quarkus-smallrye-jwt's
 * MpJwtValidator) calls with each request's token. Only {@code parse(String)} with the configured verification is
 * cached; every other method goes to the parser as before.
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {
    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, delegate::parse);
    }
}
